# ruff: noqa: E501 -- page templates are HTML written as it appears on the sites they imitate.
"""Site templates: each draws a story the way one kind of real site does.

Every template takes the story and a `Site` (name and canonical URL) and
returns a whole HTML document. The differences between templates are the
point: where the metadata lives (JSON-LD, OpenGraph, <time>, a text byline,
nowhere), how the body is marked up (<article>, div soup, <br> runs, one
<div> per paragraph, AMP), and what surrounds it (mega-menus, comments,
galleries, paywalls, consent overlays, scripts full of text).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from html.entities import codepoint2name

from bench.pagegen import chrome as c
from bench.pagegen.stories import Block, Story, block_text, plain


@dataclass(frozen=True)
class Site:
    name: str
    url: str  # canonical URL of this article

    @property
    def base(self) -> str:
        return "/".join(self.url.split("/")[:3])


Template = Callable[[Story, Site], str]


def _head(title: str, *extra: str, lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{c.esc(title)}</title>\n" + "\n".join(extra) + "\n</head>\n"
    )


def _canonical(site: Site) -> str:
    return f'<link rel="canonical" href="{site.url}">'


# --- WordPress blog -------------------------------------------------------------------


def wordpress(story: Story, site: Site, comments: tuple[tuple[str, str, str], ...] = ()) -> str:
    """A WordPress theme with Yoast JSON-LD, Jetpack sharing, widgets and comments."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "BlogPosting",
                "@id": site.url + "#article",
                "headline": story.title,
                "datePublished": story.date + "T18:02:11+00:00",
                "dateModified": story.date + "T21:40:05+00:00",
                "author": {"@type": "Person", "name": story.author},
                "isPartOf": {"@id": site.url},
                "publisher": {"@id": site.base + "/#organization"},
            },
            {"@type": "WebSite", "@id": site.base + "/#website", "name": site.name},
        ],
    }
    style = c.Style(link_every=3, link_base=site.base + "/")
    body = c.body_html(story, style)
    n = len(comments)
    comment_block = ""
    if comments:
        comment_block = (
            '<div id="comments" class="comments-area">'
            f'<h2 class="comments-title">{n} thoughts on “{c.esc(story.title)}”</h2>'
            f'<ol class="comment-list">{c.comments_html(comments, "wordpress")}</ol>'
            '<div id="respond" class="comment-respond"><h3 id="reply-title" '
            'class="comment-reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" '
            'method="post" id="commentform" class="comment-form"><p class="comment-notes">'
            "Your email address will not be published. Required fields are marked *</p>"
            '<p class="comment-form-comment"><label for="comment">Comment *</label>'
            '<textarea id="comment" name="comment"></textarea></p><p class="form-submit">'
            '<input type="submit" value="Post Comment"></p></form></div></div>'
        )
    recent = "".join(
        f'<li><a href="{site.base}/{c.slug(h)}/">{c.esc(h)}</a></li>' for h in c.HEADLINES[10:15]
    )
    return (
        _head(
            f"{story.title} – {site.name}",
            _canonical(site),
            '<meta name="robots" content="index, follow, max-image-preview:large">',
            c.og_tags(story, site.url, site.name, published=story.date + "T18:02:11+00:00"),
            '<meta name="author" content="' + c.attr(story.author) + '">',
            c.json_ld(graph),
            "<link rel='stylesheet' id='wp-block-library-css' href='/wp-includes/css/dist/"
            "block-library/style.min.css?ver=6.4.3' media='all' />",
        )
        + f"""<body class="post-template-default single single-post postid-1187 single-format-standard">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding">
<p class="site-title"><a href="{site.base}/" rel="home">{c.esc(site.name)}</a></p>
<p class="site-description">Mud, seeds and the occasional triumph</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button>
<div class="menu-main-container"><ul id="primary-menu" class="menu">
<li><a href="{site.base}/">Home</a></li><li><a href="{site.base}/about/">About</a></li>
<li><a href="{site.base}/category/diary/">Diary</a></li>
<li><a href="{site.base}/contact/">Contact</a></li></ul></div></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-1187" class="post-1187 post type-post status-publish format-standard hentry category-diary">
<header class="entry-header"><h1 class="entry-title">{c.esc(story.title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="{site.url}" rel="bookmark">
<time class="entry-date published" datetime="{story.date}T18:02:11+00:00">{c.us_date(story.date)}</time>
<time class="updated" datetime="{story.date}T21:40:05+00:00">{c.us_date(story.date)}</time></a></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="{site.base}/author/{c.slug(story.author)}/">{c.esc(story.author)}</a></span></span>
</div></header>
<div class="entry-content">
{body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">
<h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
<li class="share-twitter"><a class="share-twitter sd-button" href="{site.url}?share=twitter"><span>Twitter</span></a></li>
<li class="share-facebook"><a class="share-facebook sd-button" href="{site.url}?share=facebook"><span>Facebook</span></a></li>
<li class="share-end"></li></ul></div></div></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper"><h3 class="sd-title">Like this:</h3>
<div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="button"><span>Like</span></span>
<span class="loading">Loading...</span></div></div>
<div id='jp-relatedposts' class='jp-relatedposts'><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<div class="jp-relatedposts-items"><p class="jp-relatedposts-post"><a href="{site.base}/seed-potatoes/">Chitting seed potatoes: does it really matter?</a> <span>In &quot;Diary&quot;</span></p>
<p class="jp-relatedposts-post"><a href="{site.base}/compost/">Three compost bins and what went wrong with each</a> <span>In &quot;Diary&quot;</span></p></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="{site.base}/category/diary/" rel="category tag">Diary</a></span>
<span class="tags-links">Tagged <a href="{site.base}/tag/winter/" rel="tag">winter</a>, <a href="{site.base}/tag/frost/" rel="tag">frost</a>, <a href="{site.base}/tag/beginners/" rel="tag">beginners</a></span></footer>
</article>
<div class="author-info"><h2 class="author-title">Published by {c.esc(story.author)}</h2>
<p class="author-bio">Writer, reluctant early riser and one half of the team behind this site.
Usually found somewhere between the shed and the compost heap. <a class="author-link" href="{site.base}/author/{c.slug(story.author)}/" rel="author">View all posts by {c.esc(story.author)}</a></p></div>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2>
<div class="nav-links"><div class="nav-previous"><a href="{site.base}/prev/" rel="prev"><span class="meta-nav">Previous post</span> <span class="post-title">Autumn jobs list, ticked off (mostly)</span></a></div>
<div class="nav-next"><a href="{site.base}/next/" rel="next"><span class="meta-nav">Next post</span> <span class="post-title">Sowing under cover: our first attempt</span></a></div></div></nav>
{comment_block}
</main></div>
<aside id="secondary" class="widget-area"><section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="{site.base}/"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s"></label><input type="submit" class="search-submit" value="Search"></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="{site.base}/2024/05/">May 2024</a></li><li><a href="{site.base}/2024/04/">April 2024</a></li><li><a href="{site.base}/2024/03/">March 2024</a></li></ul></section>
</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Proudly powered by WordPress</a>
<span class="sep"> | </span>Theme: Twenty Nineteen.</div></footer></div>
<script src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
</body>
</html>
"""
    )


def wordpress_comments(story: Story, site: Site) -> str:
    return wordpress(story, site, c.CYCLING_COMMENTS)


# --- Big news sites ---------------------------------------------------------------------


def bignews(story: Story, site: Site) -> str:
    """A national news site: mega-menu, ticker, JSON-LD, one <div> per text block, most read."""
    ld = c.news_article_ld(story, site.url, site.name, modified=story.date + "T19:12:40+00:00")

    def after(i: int, block: Block) -> str:
        if i == 4:
            return (
                '<div class="ad-slot ad-slot--inline" data-slot="mpu-1"><p class="ad-label">'
                'Advertisement</p><div id="dfp-mpu-1"></div></div>'
            )
        if i == 8:
            return (
                '<div class="related-inline"><h3>Related</h3>'
                + c.headline_list(1, 3, site.base + "/news", tag="ul", cls="related-inline__list")
                + "</div>"
            )
        return ""

    style = c.Style(
        p='<div data-component="text-block" class="text-block"><p class="para">{}</p></div>',
        h2='<div data-component="subheadline-block"><h2 class="sub">{}</h2></div>',
        after=after,
        link_every=4,
        link_base=site.base + "/news/",
    )
    body = c.body_html(story, style)
    return (
        _head(
            f"{story.title} - {site.name}",
            _canonical(site),
            f'<meta name="description" content="{c.attr(story.dek)}">',
            c.og_tags(story, site.url, site.name, description=story.dek),
            '<meta name="twitter:card" content="summary_large_image">',
            c.json_ld(ld),
            "<style>.mega-menu__panel{display:none}.ticker{overflow:hidden}</style>",
        )
        + f"""<body>
<div id="app"><header class="site-header" role="banner">
<a class="skip" href="#main-content">Skip to content</a>
<div class="masthead"><a class="logo" href="{site.base}/">{c.esc(site.name)}</a>
<a class="signin" href="{site.base}/account">Sign in</a><a class="subscribe" href="{site.base}/subscribe">Subscribe</a></div>
{c.mega_menu(site.base)}
<div class="ticker" role="region" aria-label="Breaking news"><span class="ticker__label">Breaking</span>
<a href="{site.base}/news/live/markets">Markets live: shares fall as oil price jumps</a></div>
</header>
<main id="main-content" class="page-grid">
<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<header class="story__header"><a class="story__section" href="{site.base}/local">Local politics</a>
<h1 id="main-heading" class="story__title" itemprop="headline">{c.esc(story.title)}</h1>
<p class="story__standfirst">{c.esc(story.dek)}</p>
<div class="story__meta"><div class="byline"><span class="byline__by">By </span>
<a rel="author" class="byline__name" href="{site.base}/profile/{c.slug(story.author)}">{c.esc(story.author)}</a>
<span class="byline__role">Local democracy reporter</span></div>
<time class="story__date" datetime="{story.date}T07:30:00.000Z">{c.long_date(story.date)}</time>
{c.share_buttons(site.url)}</div></header>
<figure class="story__lead-image"><img src="{site.base}/img/lead.jpg" alt="Council chamber">
<figcaption><span class="caption">Councillors debated the budget for more than four hours on Tuesday evening</span>
<span class="credit">Image source, Getty Images</span></figcaption></figure>
<div class="story__body" data-component="body">
{body}
</div>
<section class="story__topics"><h2>More on this story</h2>
{c.headline_list(4, 4, site.base + "/news", tag="ul", cls="topic-links")}
<h2>Related topics</h2><ul class="tags"><li><a href="/topics/council-tax">Council tax</a></li><li><a href="/topics/libraries">Libraries</a></li><li><a href="/topics/local-government">Local government</a></li></ul></section>
</article>
<aside class="rail"><section class="most-read-panel"><h2>Most read</h2>
{c.headline_list(0, 10, site.base + "/news")}</section>
{c.newsletter_box(site.name)}
<div class="ad-slot ad-slot--rail"><p class="ad-label">Advertisement</p></div></aside>
</main>
<footer class="site-footer">{c.mega_menu(site.base)}{c.footer_links(site.name)}</footer></div>
<script>window.__INITIAL_STATE__={{"page":"article","section":"local"}};</script>
</body>
</html>
"""
    )


def bignews_classic(story: Story, site: Site) -> str:
    """An older big-site layout: story-body divs, property=articleBody, meta author, top stories."""
    first_img = (
        '<figure class="media-landscape has-caption full-width"><span class="image-and-copyright'
        '-container"><img class="js-image-replace" alt="Train at platform" '
        f'src="{site.base}/media/train.jpg" width="976" height="549"><span class="off-screen">'
        'Image copyright</span><span class="story-image-copyright">PA Media</span></span>'
        '<figcaption class="media-caption"><span class="off-screen">Image caption</span>'
        '<span class="media-caption__text">Passengers faced weeks of short-notice '
        "cancellations after the new timetable was introduced in May, with some routes "
        "losing more than a third of their trains on the worst days</span></figcaption>"
        "</figure>"
    )

    def after(i: int, block: Block) -> str:
        return first_img if i == 0 else ""

    # Here the first paragraph is the bold introduction inside the body container:
    # it is body, unlike a standfirst printed above the article.
    intro, *rest = story.blocks
    body = c.body_html(
        Story(story.key, story.title, story.author, story.date, blocks=tuple(rest)),
        c.Style(h2='<h2 class="story-body__crosshead">{}</h2>', after=after, link_every=5),
    )
    return (
        _head(
            f"{story.title} - {site.name}",
            f'<meta name="description" content="{c.attr(story.dek)}">',
            f'<meta name="author" content="{c.attr(story.author)}">',
            f'<meta property="article:published_time" content="{story.date}T11:04:52+00:00">',
            f'<meta property="article:modified_time" content="{story.date}T16:21:03+00:00">',
            c.og_tags(story, site.url, site.name, description=story.dek),
            _canonical(site),
        )
        + f"""<body class="news">
<div id="orb-banner"><div class="orb-nav"><a href="{site.base}">Home</a> <a href="{site.base}/news">News</a>
<a href="{site.base}/sport">Sport</a> <a href="{site.base}/weather">Weather</a> <a href="{site.base}/iplayer">Watch</a>
<a href="{site.base}/sounds">Listen</a></div><form class="orb-search"><input placeholder="Search"></form></div>
<div id="site-container"><div class="navigation navigation--wide"><ul class="navigation-wide-list">
<li><a href="/news">Home</a></li><li><a href="/news/uk">UK</a></li><li><a href="/news/world">World</a></li>
<li><a href="/news/business">Business</a></li><li><a href="/news/politics">Politics</a></li>
<li><a href="/news/technology">Tech</a></li><li><a href="/news/science">Science</a></li>
<li><a href="/news/health">Health</a></li><li><a href="/news/education">Education</a></li>
<li><a href="/news/entertainment">Entertainment &amp; Arts</a></li></ul></div>
<div class="container-width-only"><div class="column--primary">
<div class="story-body"><h1 class="story-body__h1">{c.esc(story.title)}</h1>
<div class="byline"><span class="byline__name">By {c.esc(story.author)}</span><span class="byline__title">Transport correspondent</span></div>
<div class="date date--v2" data-seconds="1699441492">{c.long_date(story.date)}</div>
<ul class="share-tools-list"><li><a href="#">Share</a></li></ul>
<div class="story-body__inner" property="articleBody">
<p class="story-body__introduction">{c.inline(intro.text)}</p>
{body}
</div></div>
<div class="story-more"><div class="group story-alsos more-on-this-story"><h2 class="group__title">More on this story</h2>
{c.headline_list(14, 3, site.base + "/news", tag="ul", cls="links-list")}</div></div>
<div class="tags-container"><h2 class="tags-title">Related Topics</h2><ul><li><a href="/topics/rail">Rail travel</a></li><li><a href="/topics/regulation">Regulation</a></li></ul></div>
</div><div class="column--secondary" role="complementary"><div class="top-stories"><h2>Top Stories</h2>
{c.headline_list(6, 5, site.base + "/news", tag="ul", cls="top-stories-list")}</div>
<div class="features-and-analysis"><h2>Features</h2>{c.headline_list(18, 4, site.base + "/news", tag="ul", cls="features")}</div></div></div></div>
<footer id="orb-footer"><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/cookies">Cookies</a></li><li><a href="/accessibility">Accessibility Help</a></li><li><a href="/contact">Contact us</a></li></ul>
<p>Copyright © 2023 {c.esc(site.name)}. We are not responsible for the content of external sites.</p></footer>
</body></html>
"""
    )


# --- Live blog --------------------------------------------------------------------------


def liveblog(story: Story, site: Site) -> str:
    """Timestamped entries newest first, a key-events list repeating their headlines."""
    entries: list[tuple[str, list[Block]]] = []
    for block in story.blocks:
        if block.kind == "h2":
            entries.append((block.text, []))
        else:
            entries[-1][1].append(block)
    key_events = "".join(
        f'<li><a href="#block-{i}">{c.esc(head.split(" ", 1)[1])}</a>'
        f"<time>{head.split(' ', 1)[0]}</time></li>"
        for i, (head, _) in enumerate(entries[:4])
    )
    blocks_html = []
    for i, (head, blocks) in enumerate(entries):
        when, _, headline = head.partition(" ")
        inner = c.body_html(Story("x", "", "", story.date, blocks=tuple(blocks)))
        blocks_html.append(
            f'<div id="block-{i}" class="block" data-block-id="{i}">'
            f'<header class="block__header"><time class="block__time" datetime="{story.date}'
            f'T{when}:00+02:00">{when}</time></header>'
            f'<div class="block__body"><h2 class="block__title">{c.esc(headline)}</h2>'
            f"{inner}</div>"
            '<footer class="block__footer"><button class="share">Share</button>'
            f'<span class="updated">Updated at {when} CEST</span></footer></div>'
        )
    ld = c.news_article_ld(
        story,
        site.url,
        site.name,
        kind="LiveBlogPosting",
        time="T22:30:00+02:00",
        extra={"coverageStartTime": story.date + "T22:30:00+02:00"},
    )
    return (
        _head(
            f"{story.title} – live | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T22:30:00+02:00"),
            c.json_ld(ld),
        )
        + f"""<body class="liveblog">
<header><div class="brand"><a href="{site.base}">{c.esc(site.name)}</a></div>
{c.mega_menu(site.base)}</header>
<main>
<div class="live-header"><span class="badge badge--live">Live</span>
<h1>{c.esc(story.title)}</h1>
<p class="live-header__byline">{c.esc(story.author)} in Lindau</p>
<p class="live-header__updated">Last updated: <time datetime="{story.date}T23:58:00+02:00">{c.long_date(story.date)} 23.58 CEST</time></p></div>
<div class="live-layout"><aside class="key-events"><h2>Key events</h2><ul>{key_events}</ul>
<a href="#liveblog-body">Show key events only</a></aside>
<div id="liveblog-body" class="live-feed">
<div class="live-feed__controls"><button>Latest</button><button>Oldest</button><p>Please turn on JavaScript to see automatic updates.</p></div>
{chr(10).join(blocks_html)}
<div class="pagination"><a href="?page=2">Older posts</a></div></div></div>
</main>
<footer>{c.footer_links(site.name)}</footer>
<script>
  // poll for new entries every 30 seconds
  window.liveConfig = {{"pollInterval": 30000, "message": "New update – click to show"}};
</script>
</body></html>
"""
    )


# --- Div soup, tables, split bodies -----------------------------------------------------


def divsoup(story: Story, site: Site) -> str:
    """No <article>, <main>, <header> or <p>: divs with class names and <br> runs."""
    paras = "<br><br>\n".join(c.inline(plain(b.text)) for b in story.blocks if b.is_body)
    menu = " | ".join(
        f'<a class="mnu-lnk" href="{site.base}/{c.slug(s)}">{s}</a>'
        for s in ("Home", "News", "Sport", "Business", "What's On", "Jobs", "Motors", "Property")
    )
    side = "".join(
        f'<div class="sb-item"><a href="{site.base}/story/{9100 + i}">{c.esc(h)}</a>'
        f'<div class="sb-date">{c.short_date(story.date)}</div></div>'
        for i, h in enumerate(c.HEADLINES[5:12])
    )
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{c.esc(story.title)} :: {c.esc(site.name)}</title>
<meta name="keywords" content="dunmore, jobs, factory, halvorsen, closure">
<link href="/css/site.css" rel="stylesheet" type="text/css">
<script type="text/javascript" src="/js/jquery-1.8.2.min.js"></script>
</head>
<body>
<div class="wrap">
<div class="top-bar"><div class="logo"><a href="{site.base}"><img src="/img/logo.gif" alt="{c.attr(site.name)}"></a></div>
<div class="wthr">Dunmore 14&deg;C Cloudy</div></div>
<div class="mnu">{menu}</div>
<div class="cnt">
<div class="cnt-l">
<div class="crumbs"><a href="{site.base}">Home</a> &gt; <a href="{site.base}/news">News</a> &gt; <a href="{site.base}/news/local">Local</a></div>
<div class="story-hl"><h1>{c.esc(story.title)}</h1></div>
<div class="story-info"><span class="story-author">{c.esc(story.author)}</span> &middot; <span class="story-dt">{c.long_date(story.date)}</span></div>
<div class="story-img"><img src="/uploads/factory.jpg" width="460"><div class="img-cap">The Brookfield Road factory employs more than 300 people</div></div>
<div class="story-txt">
{paras}
</div>
<div class="story-tools"><a href="javascript:window.print()">Print</a> | <a href="/email?story=8823">Email to a friend</a> | <a href="/report">Report an error</a></div>
<div class="more-stories"><div class="ms-hd">More stories</div>{side}</div>
</div>
<div class="cnt-r">
<div class="box"><div class="box-hd">Most Popular</div>{c.headline_list(12, 6, site.base + "/story", tag="ul", cls="pop")}</div>
<div class="box ad"><span>ADVERTISEMENT</span><div id="ad-300x250"></div></div>
<div class="box"><div class="box-hd">Local Jobs</div><div class="job">Warehouse Operative - Dunmore - £11.44/hr</div><div class="job">Care Assistant - Kelby - £11.90/hr</div><div class="job">HGV Class 1 Driver - Nights - £42k</div></div>
</div>
</div>
<div class="ftr">&copy; {story.date[:4]} {c.esc(site.name)} | <a href="/contact">Contact</a> | <a href="/advertise">Advertise</a> | <a href="/privacy">Privacy</a></div>
</div>
</body>
</html>
"""


def tablelayout(story: Story, site: Site) -> str:
    """A 2005-style site: layout tables, <font> tags, upper-case markup, unclosed <P>."""
    paras = "\n".join(f"<P>{c.esc(b.text)}" for b in story.blocks if b.is_body)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<TITLE>{c.esc(site.name)} - {c.esc(story.title)}</TITLE>
<META NAME="description" CONTENT="News from the parish of Great Wenning">
</HEAD>
<BODY BGCOLOR="#FFFFFF" TOPMARGIN=0 LEFTMARGIN=0>
<TABLE WIDTH=760 BORDER=0 CELLPADDING=0 CELLSPACING=0 ALIGN=CENTER>
<TR><TD COLSPAN=2 BGCOLOR="#336633"><FONT FACE="Georgia" SIZE=6 COLOR="#FFFFFF">{c.esc(site.name)}</FONT><BR>
<FONT FACE="Verdana" SIZE=1 COLOR="#CCFFCC">Serving Great Wenning, Little Wenning and Ashwell since 1998</FONT></TD></TR>
<TR><TD WIDTH=150 VALIGN=TOP BGCOLOR="#EEEEDD"><FONT FACE="Verdana" SIZE=2>
<B>Menu</B><BR><A HREF="index.htm">Home</A><BR><A HREF="news.htm">Village News</A><BR>
<A HREF="diary.htm">Diary Dates</A><BR><A HREF="church.htm">St Aldhelm's</A><BR><A HREF="school.htm">School</A><BR>
<A HREF="clubs.htm">Clubs &amp; Societies</A><BR><A HREF="council.htm">Parish Council</A><BR><A HREF="links.htm">Links</A><BR><BR>
<B>Diary</B><BR>Sat: Jumble sale, village hall, 10am<BR>Tue: WI, 7.30pm<BR>Thu: Bell ringing practice<BR>
</FONT></TD>
<TD WIDTH=610 VALIGN=TOP><FONT FACE="Verdana" SIZE=2>
<FONT SIZE=4><B>{c.esc(story.title)}</B></FONT><BR>
<I>Posted: {c.long_date(story.date)} by {c.esc(story.author)}</I><BR>
{paras}
<P><HR><A HREF="news.htm">&lt;&lt; Back to Village News</A>
</FONT></TD></TR>
<TR><TD COLSPAN=2 ALIGN=CENTER><FONT FACE="Verdana" SIZE=1>Site maintained by volunteers. Hits: 048213<BR>
Best viewed at 800x600. Last updated {c.short_date(story.date)}.</FONT></TD></TR>
</TABLE>
</BODY>
</HTML>
"""


def split_divs(story: Story, site: Site) -> str:
    """Each paragraph in its own wrapper, ads and 'read more' links between them."""
    readmore = iter(c.HEADLINES[2:])

    def after(i: int, block: Block) -> str:
        if i % 2 == 1:
            return (
                f'<div class="ad-container ad-container--inarticle" id="inarticle-{i}">'
                '<span class="ad-container__label">Story continues below advertisement</span>'
                f'<div class="gpt-ad" id="div-gpt-ad-1600000000{i}-0"></div></div>'
            )
        if i % 3 == 2:
            head = next(readmore)
            return (
                f'<div class="txt-blk txt-blk--readmore"><p><strong>Read more:</strong> '
                f'<a href="{site.base}/news/{c.slug(head)}">{c.esc(head)}</a></p></div>'
            )
        return ""

    body = c.body_html(story, c.Style(p='<div class="txt-blk"><p>{}</p></div>', after=after))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T06:00:00+01:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
            '<meta name="twitter:card" content="summary_large_image">',
        )
        + f"""<body class="article-page">
<div class="header"><div class="header__logo"><a href="{site.base}">{c.esc(site.name)}</a></div>
<ul class="header__nav"><li><a href="/news">News</a></li><li><a href="/whats-on">What's On</a></li><li><a href="/sport">Sport</a></li><li><a href="/announcements">Announcements</a></li></ul></div>
<div class="article-wrap">
<div class="article-header"><span class="kicker">What's On</span>
<h1 class="article-header__title">{c.esc(story.title)}</h1>
<div class="article-header__meta"><span class="author">By <a href="/authors/{c.slug(story.author)}">{c.esc(story.author)}</a></span>
<span class="published">{c.short_date(story.date)}</span><span class="reading-time">3 min read</span></div></div>
<div class="article-content">
{body}
</div>
<div class="article-footer"><div class="tags"><a href="/tag/festivals">Festivals</a> <a href="/tag/music">Music</a> <a href="/tag/ashcombe">Ashcombe</a></div>
<div class="recommended"><h3>Recommended for you</h3>{c.headline_list(9, 4, site.base + "/news", tag="ul", cls="rec")}</div></div>
</div>
<div class="footer">{c.footer_links(site.name, story.date[:4])}</div>
</body></html>
"""
    )


# --- Metadata variants ------------------------------------------------------------------


def jsonld_only(story: Story, site: Site) -> str:
    """Date and author only in JSON-LD; the visible page shows no date."""
    ld = c.news_article_ld(story, site.url, site.name, time="T09:15:00Z")
    body = c.body_html(story, c.Style(link_every=3, link_base=site.base + "/business/"))
    return (
        _head(f"{story.title} | {site.name}", c.json_ld(ld))
        + f"""<body>
<nav class="topnav"><a href="{site.base}/">{c.esc(site.name)}</a> <a href="{site.base}/business">Business</a> <a href="{site.base}/environment">Environment</a> <a href="{site.base}/tech">Tech</a></nav>
<div class="page">
<article class="post">
<h1>{c.esc(story.title)}</h1>
<p class="post-author">By {c.esc(story.author)}</p>
<div class="post-body">
{body}
</div>
</article>
<section class="more"><h2>More from {c.esc(site.name)}</h2>{c.headline_list(3, 5, site.base + "/news", tag="ul", cls="more-list")}</section>
</div>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def og_only(story: Story, site: Site) -> str:
    """OpenGraph and article:* meta only; <main> but no <article>."""
    tags = c.og_tags(
        story,
        site.url,
        site.name,
        published=story.date + "T05:45:00+01:00",
        author=story.author,
    )
    body = c.body_html(story, c.Style())
    return (
        _head(f"{story.title} | {site.name}", tags)
        + f"""<body>
<header class="hdr"><a class="hdr__logo" href="{site.base}">{c.esc(site.name)}</a>
<nav><a href="/weather">Weather</a> <a href="/news">News</a> <a href="/travel">Travel</a></nav></header>
<main class="content">
<h1 class="content__title">{c.esc(story.title)}</h1>
<div class="content__body">
{body}
</div>
<div class="content__share">{c.share_buttons(site.url)}</div>
<div class="weather-widget"><h3>Five-day forecast</h3><ul><li>Fri 29°C Sunny</li><li>Sat 32°C Sunny</li><li>Sun 34°C Sunny</li><li>Mon 30°C Sunny intervals</li><li>Tue 24°C Thundery showers</li></ul></div>
</main>
<footer class="ftr">{c.footer_links(site.name, story.date[:4])}</footer>
</body></html>
"""
    )


def time_tag(story: Story, site: Site) -> str:
    """No meta tags at all: a <time datetime> element and a rel=author link."""
    body = c.body_html(story, c.Style(link_every=4, link_base=site.base + "/education/"))
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{c.esc(story.title)} – {c.esc(site.name)}</title>
</head>
<body>
<div class="layout">
<header class="banner"><span class="banner__name">{c.esc(site.name)}</span>
<ul class="banner__links"><li><a href="/">Front page</a></li><li><a href="/education">Education</a></li><li><a href="/city-hall">City Hall</a></li></ul></header>
<article>
<h1>{c.esc(story.title)}</h1>
<p class="meta"><a rel="author" href="{site.base}/staff/{c.slug(story.author)}">{c.esc(story.author)}</a>,
Education reporter &middot; <time datetime="{story.date}T08:15:00+00:00">{c.long_date(story.date)}</time></p>
{body}
<aside class="factfile"><h2>Free meals pilot in numbers</h2><ul><li>12 schools in the first year</li><li>93% of pupils now eat a school lunch</li><li>£3.9m a year for the expansion</li></ul></aside>
</article>
<section class="reader-poll"><h2>Have your say</h2><p>Should every primary pupil get free school meals?</p><button>Yes</button><button>No</button><button>Not sure</button></section>
</div>
<footer><p>{c.esc(site.name)} is an independent, reader-funded newsroom. <a href="/donate">Support our journalism</a>.</p></footer>
</body>
</html>
"""


def text_byline(story: Story, site: Site) -> str:
    """No metadata anywhere but a bold 'By Name, date' line at the top of the body."""
    body = c.body_html(story, c.Style())
    return f"""<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>{c.esc(story.title)}</title></head>
<body>
<div id="top"><a href="/"><img src="/logo.png" alt="{c.attr(site.name)}"></a>
<ul class="menu"><li><a href="/news">News</a></li><li><a href="/islands">Islands</a></li><li><a href="/ferries">Ferry times</a></li><li><a href="/notices">Notices</a></li></ul></div>
<div id="content">
<article class="news-item">
<h1>{c.esc(story.title)}</h1>
<p><strong>By {c.esc(story.author)}, {c.long_date(story.date)}</strong></p>
{body}
</article>
<div class="notices"><h3>Ferry service updates</h3><p>Check the operator's website before you travel. Timetables may change at short notice.</p></div>
</div>
<div id="footer">{c.esc(site.name)} · Community news for the western isles · <a href="/contact">Contact</a></div>
</body>
</html>
"""


# --- Paywalls, comments, galleries, quotes, tweets, tables ---------------------------------


def paywall(story: Story, site: Site) -> str:
    """A metered site: only the first paragraphs are served, then a subscribe box."""
    ld = c.news_article_ld(
        story,
        site.url,
        site.name,
        extra={
            "isAccessibleForFree": False,
            "hasPart": {
                "@type": "WebPageElement",
                "isAccessibleForFree": False,
                "cssSelector": ".paywalled-content",
            },
        },
    )
    body = c.body_html(story, c.Style(p='<p class="article-p">{}</p>'))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T05:00:00+01:00"),
            c.json_ld(ld),
        )
        + f"""<body>
<header class="masthead"><a href="/" class="masthead__logo">{c.esc(site.name)}</a>
<nav><a href="/business">Business</a> <a href="/property">Property</a> <a href="/city">City</a></nav>
<a class="masthead__cta" href="/subscribe">Subscribe – £1 for 3 months</a></header>
<main><article class="article">
<h1 class="article__headline">{c.esc(story.title)}</h1>
<div class="article__byline">By <span class="author">{c.esc(story.author)}</span> · <time datetime="{story.date}T05:00:00+01:00">{c.long_date(story.date)}</time></div>
<div class="article__body">
{body}
<div class="paywalled-content"></div>
</div>
<div class="paywall" id="paywall-box">
<h2 class="paywall__title">Continue reading: subscribe today</h2>
<p class="paywall__lede">You have read all of your free articles this month. Subscribe for unlimited access to award-winning local journalism, the daily edition and our puzzles.</p>
<ul class="paywall__benefits"><li>Unlimited access on any device</li><li>The digital edition, every morning from 6am</li><li>Subscriber-only newsletters and events</li><li>Cancel at any time</li></ul>
<a class="paywall__button" href="/subscribe?src=paywall">Subscribe for £1</a>
<p class="paywall__login">Already a subscriber? <a href="/login">Log in</a></p>
</div>
</article></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def news_comments(story: Story, site: Site) -> str:
    """A regional news page whose comment thread is three times longer than the story."""
    body = c.body_html(story, c.Style(link_every=3, link_base=site.base + "/news/"))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name),
            c.json_ld(c.news_article_ld(story, site.url, site.name, time="T16:40:00+00:00")),
        )
        + f"""<body>
<header><div class="logo">{c.esc(site.name)}</div>{c.mega_menu(site.base)}</header>
<main>
<article class="article">
<h1>{c.esc(story.title)}</h1>
<div class="byline">{c.esc(story.author)}, Planning reporter · <time datetime="{story.date}T16:40:00Z">{c.short_date(story.date)}</time></div>
<figure><img src="/img/tower-cgi.jpg" alt=""><figcaption>A computer-generated image of how the tower would look from Station Parade (Image: Castleview Homes)</figcaption></figure>
<div class="article-body">
{body}
</div>
</article>
<section id="comments" class="comments"><h2>Comments (143)</h2>
<p class="comments-rules">Comments are moderated. Please read our community guidelines before posting.</p>
<div class="cmt-sort">Sort by: <button>Newest</button> <button>Oldest</button> <button>Most liked</button></div>
{c.comments_html(c.TOWER_COMMENTS, "news")}
<button class="load-more">Show more comments</button></section>
<aside><h2>Most read</h2>{c.headline_list(7, 8, site.base + "/news")}</aside>
</main>
<footer>{c.footer_links(site.name, story.date[:4])}</footer>
</body></html>
"""
    )


def gallery(story: Story, site: Site) -> str:
    """A picture story: a carousel and captioned figures between the paragraphs."""
    style = c.Style(
        img=(
            '<figure class="gallery-item"><div class="gallery-item__counter">{n} / 12</div>'
            '<img src="/photos/depot-{n}.jpg" alt="" loading="lazy">'
            '<figcaption class="gallery-item__caption"><span class="caption-text">{}</span>'
            '<span class="caption-credit">Photograph: Heritage Trust</span></figcaption></figure>'
        )
    )
    body = c.body_html(story, style)
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T12:00:00+01:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
        )
        + f"""<body>
<header><a href="/">{c.esc(site.name)}</a><nav><a href="/in-pictures">In pictures</a> <a href="/heritage">Heritage</a></nav></header>
<main><article class="picture-story">
<h1>{c.esc(story.title)}</h1>
<p class="byline">Photographs and words by {c.esc(story.author)} · {c.long_date(story.date)}</p>
<div class="carousel" aria-roledescription="carousel"><button class="prev">Previous image</button><button class="next">Next image</button>
<div class="carousel__caption">The restored depot from Albright Street. The original 1902 lettering over the main doors was recut by a stonemason using photographs from the city archive.</div></div>
{body}
</article></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def magazine(story: Story, site: Site) -> str:
    """A long feature: drop cap split from its word, pull quotes, author bio at the end."""
    first = True

    def para(text: str) -> str:
        nonlocal first
        if first:
            first = False
            return f'<p class="has-dropcap"><span class="dropcap">{text[0]}</span>{text[1:]}</p>'
        return f"<p>{text}</p>"

    parts = []
    for block in story.blocks:
        if block.kind == "p":
            parts.append(para(c.inline(block.text)))
        elif block.kind == "pull":
            parts.append(
                f'<aside class="pull-quote" aria-hidden="true"><p>{c.esc(block.text)}</p></aside>'
            )
        elif block.kind == "h2":
            parts.append(f'<h2 class="section-break">{c.esc(block.text)}</h2>')
    body = "\n".join(parts)
    ld = c.news_article_ld(story, site.url, site.name, kind="Article", time="T08:00:00+01:00")
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, description=story.dek),
            c.json_ld(ld),
        )
        + f"""<body class="longform">
<header class="mag-header"><a href="/">{c.esc(site.name)}</a><nav><a href="/features">Features</a> <a href="/travel">Travel</a> <a href="/people">People</a> <a href="/subscribe">Subscribe</a></nav></header>
<main>
<article>
<header class="feature-header"><p class="rubric">Features</p><h1>{c.esc(story.title)}</h1>
<p class="dek">{c.esc(story.dek)}</p>
<p class="credits">Words by <a href="/contributors/{c.slug(story.author)}">{c.esc(story.author)}</a> · Photographs by Callum Rowe · <time datetime="{story.date}">{c.long_date(story.date)}</time></p></header>
<div class="feature-body">
{body}
</div>
<footer class="feature-footer"><div class="contributor"><p><em>{c.esc(story.author)} is a writer and radio producer based in Portmuir. Her book about the lighthouse families of the northern isles will be published next year.</em></p></div>
<p class="issue-note">This article appears in the September issue. <a href="/shop">Buy a copy</a>.</p></footer>
</article>
<section class="read-next"><h2>Read next</h2>{c.headline_list(16, 3, site.base + "/features", tag="ul", cls="read-next")}</section>
</main>
<footer>{c.footer_links(site.name, story.date[:4])}</footer>
</body></html>
"""
    )


def tweets(story: Story, site: Site) -> str:
    """A news story with two embedded tweets and a video player stub."""
    body = c.body_html(story, c.Style(link_every=4))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T09:40:00+01:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
            c.json_ld(c.news_article_ld(story, site.url, site.name, time="T09:40:00+01:00")),
        )
        + f"""<body>
<header>{c.mega_menu(site.base)}</header>
<main><article>
<h1>{c.esc(story.title)}</h1>
<div class="byline">By {c.esc(story.author)} · {c.long_date(story.date)}</div>
<div class="video-player" data-video-id="88213"><p>Watch: Queues in the departure hall at Eastmoor Airport</p><button>Play video, 0:48</button></div>
<div class="body">
{body}
</div>
{c.share_buttons(site.url)}
</article>
<aside class="sidebar"><h2>Trending</h2>{c.headline_list(3, 6, site.base + "/news")}</aside></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def data_table(story: Story, site: Site) -> str:
    """A data story with a table inside the body and a chart stub."""
    style = c.Style(table_class="data-table data-table--striped")
    body = c.body_html(story, style)
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T00:01:00+00:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
        )
        + f"""<body>
<header><a href="/">{c.esc(site.name)}</a> {c.mega_menu(site.base)}</header>
<main><article>
<h1>{c.esc(story.title)}</h1>
<p class="byline">{c.esc(story.author)}, Data reporter · <time datetime="{story.date}">{c.long_date(story.date)}</time></p>
<div class="chart" role="img" aria-label="Chart"><p class="chart-title">Average house price by town, last 12 months</p><p class="chart-source">Source: Land Registry. Chart: Data team</p></div>
<div class="article-text">
{body}
</div>
<p class="correction-note"><a href="/corrections">Read our corrections policy</a></p>
</article></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


# --- Encodings and broken markup -----------------------------------------------------------


def _entities(text: str) -> str:
    """Every non-ASCII character as a named or numeric entity."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp < 128:
            out.append(ch)
        elif cp in codepoint2name:
            out.append(f"&{codepoint2name[cp]};")
        else:
            out.append(f"&#{cp};")
    return "".join(out)


def entities(story: Story, site: Site) -> str:
    """Accents and curly quotes written as entities in a pure-ASCII file, ISO-8859-1 declared."""
    body = c.body_html(story, c.Style(p="<p>{}</p>"))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>{c.esc(story.title)} &mdash; {c.esc(site.name)}</title>
<meta name="author" content="{c.attr(story.author)}">
<meta name="date" content="{story.date}">
<link rel="canonical" href="{site.url}">
</head>
<body>
<div class="site"><div class="brand">{c.esc(site.name)}</div>
<ul class="nav"><li><a href="/food">Food &amp; drink</a></li><li><a href="/europe">Europe</a></li><li><a href="/awards">Awards</a></li></ul>
<div class="story"><h1>{c.esc(story.title)}</h1>
<div class="dateline">{c.esc(story.author)} &middot; {c.long_date(story.date)}</div>
<div class="text">
{body}
</div></div>
<div class="foot">&copy; {c.esc(site.name)} &middot; Rua do Comércio 12, Lisboa</div></div>
</body>
</html>
"""
    return _entities(page)


def malformed(story: Story, site: Site) -> str:
    """Unclosed <p>, <li> and <div>, crossed inline tags, stray end tags, unquoted attributes."""
    body_blocks = [b for b in story.blocks if b.is_body]
    parts = []
    for i, b in enumerate(body_blocks):
        text = c.esc(b.text)
        if i == 2:
            words = text.split(" ")
            text = " ".join(["<b><i>" + words[0], *words[1:4]]) + "</b></i> " + " ".join(words[4:])
        if i == 4:
            text += "</span>"
        if i == 6:
            text = "<font color=#333333>" + text
        parts.append(f"<p class=para>{text}")
    body = "\n".join(parts)
    return f"""<html>
<head>
<title>{c.esc(story.title)} - {c.esc(site.name)}</title>
<meta name=author content="{c.attr(story.author)}">
<meta name="pubdate" content={story.date.replace("-", "")}>
<link rel=canonical href={site.url}>
</head>
<body>
<div id=wrapper>
<div id=header><a href=/ ><img src=/logo.png alt=Logo></a>
<ul id=nav><li><a href=/news>News<li><a href=/roads>Roads &amp; travel<li><a href=/business>Business<li><a href=/sport>Sport</ul>
</div>
<div id=main class="two-col">
<div class=story>
<h1>{c.esc(story.title)}</h2>
<div class=meta>By {c.esc(story.author)}
{body}
<div class=tools><a href=#>Print</a> <a href=#>Email</a>
</div>
<div id=sidebar><h3>Travel news</h3><ul><li>A11 lane closure at Hethel<li>Kingsway roadworks: latest<li>Rail replacement buses this weekend</ul>
</div>
<div id=footer>Copyright {story.date[:4]} {c.esc(site.name)}
</body>
</html>
"""


def scripts_noscript(story: Story, site: Site) -> str:
    """Inline scripts, styles, <noscript> and <template> full of sentence-like text."""
    body = c.body_html(story, c.Style())
    config = {
        "article": {
            "headline": story.title,
            "teaser": "Patients discharged late at night no longer wait until morning.",
            "section": "health",
            "paywall": False,
        },
        "messages": {
            "adblock": "We noticed you are using an ad blocker. Our journalism is funded by "
            "advertising: please consider whitelisting us.",
            "offline": "You appear to be offline. Some content may not be available.",
        },
    }
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            f'<meta name="author" content="{c.attr(story.author)}">',
            f'<meta property="article:published_time" content="{story.date}T10:30:00+01:00">',
            c.og_tags(story, site.url, site.name),
            """<style>
/* Article typography. Keep paragraphs readable on small screens. */
.article-body p { font-size: 1.125rem; line-height: 1.6; }
.article-body p::first-letter { font-weight: bold; }
.promo:before { content: "Sponsored content from our partners"; }
</style>""",
            "<script>window.dataLayer = window.dataLayer || [];"
            " dataLayer.push({'event': 'pageview', 'pageCategory': 'health'});</script>",
        )
        + f"""<body>
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-XXXX" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
<noscript><div class="js-warning"><p>This site works best with JavaScript enabled. Please enable JavaScript in your browser settings to see comments, videos and live updates.</p></div></noscript>
<header><a href="/">{c.esc(site.name)}</a><nav><a href="/health">Health</a> <a href="/news">News</a></nav></header>
<main>
<article>
<h1>{c.esc(story.title)}</h1>
<p class="byline">By {c.esc(story.author)}, Health correspondent</p>
<script>
  var articleConfig = {json.dumps(config, ensure_ascii=False)};
  if (!navigator.onLine) {{ document.write('<p class="offline">You appear to be offline. Please check your connection and reload the page.</p>'); }}
</script>
<div class="article-body">
{body}
</div>
<template id="related-card"><div class="card"><h3>Related stories will appear here</h3><p>Loading the latest health news for your area…</p></div></template>
<script type="text/x-template" id="poll-template"><div class="poll"><p>Have you waited overnight in hospital for medicines to take home? Tell us about your experience.</p></div></script>
<noscript><p class="comments-noscript">Please enable JavaScript to view the comments powered by Disqus.</p></noscript>
</article>
</main>
<footer>{c.footer_links(site.name, story.date[:4])}</footer>
<script>
  (function() {{
    var msg = "Thank you for reading. Support independent local journalism from just £1 a month.";
    var el = document.createElement("div"); el.className = "support-banner"; el.textContent = msg;
    document.body.appendChild(el);
  }})();
</script>
</body></html>
"""
    )


def cookie_overlay(story: Story, site: Site) -> str:
    """A consent overlay before the page and a preference centre after it."""
    body = c.body_html(story, c.Style(link_every=4))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T14:00:00+00:00"),
            c.json_ld(c.news_article_ld(story, site.url, site.name, time="T14:00:00+00:00")),
        )
        + f"""<body class="cmp-open">
{c.cookie_banner(site.name)}
<header><a href="/">{c.esc(site.name)}</a><nav><a href="/history">History</a> <a href="/science">Science</a> <a href="/culture">Culture</a></nav></header>
<main><article>
<h1>{c.esc(story.title)}</h1>
<div class="meta"><span class="author">{c.esc(story.author)}</span> <time datetime="{story.date}T14:00:00Z">{c.long_date(story.date)}</time></div>
<div class="entry">
{body}
</div>
</article></main>
<div id="pc-centre" class="cmp-preference-centre" hidden>
<h2>Privacy preference centre</h2>
<p>When you visit any website, it may store or retrieve information on your browser, mostly in the form of cookies. This information might be about you, your preferences or your device and is mostly used to make the site work as you expect it to. The information does not usually directly identify you, but it can give you a more personalised web experience. Because we respect your right to privacy, you can choose not to allow some types of cookies.</p>
<h3>Strictly necessary cookies</h3><p>These cookies are necessary for the website to function and cannot be switched off in our systems.</p>
<h3>Performance cookies</h3><p>These cookies allow us to count visits and traffic sources so we can measure and improve the performance of our site.</p>
<button>Confirm my choices</button></div>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def amp(story: Story, site: Site) -> str:
    """An AMP page: amp-img, amp-ad, amp-sidebar, boilerplate CSS, canonical to the full page."""
    amp_url = site.url.replace("/news/", "/amp/news/")
    body = c.body_html(
        story,
        c.Style(
            after=lambda i, b: (
                '<amp-ad width="300" height="250" type="doubleclick" '
                'data-slot="/1234/amp_article"><div placeholder>Advertisement</div></amp-ad>'
                if i == 3
                else ""
            )
        ),
    )
    ld = c.news_article_ld(story, site.url, site.name, time="T06:00:00+01:00")
    return f"""<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<title>{c.esc(story.title)} | {c.esc(site.name)}</title>
<link rel="canonical" href="{site.url}">
<meta name="viewport" content="width=device-width">
<meta property="og:url" content="{amp_url}">
{c.json_ld(ld)}
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>body{{font-family:Georgia,serif}}.hdr{{background:#002147;color:#fff}}.byline{{color:#666}}</style>
</head>
<body>
<amp-sidebar id="menu" layout="nodisplay" side="left"><ul><li><a href="/amp/news">News</a></li><li><a href="/amp/money">Money</a></li><li><a href="/amp/environment">Environment</a></li><li><a href="/amp/sport">Sport</a></li></ul></amp-sidebar>
<div class="hdr"><button on="tap:menu.toggle">☰</button> <a href="/amp/">{c.esc(site.name)}</a></div>
<article>
<h1>{c.esc(story.title)}</h1>
<div class="byline">{c.esc(story.author)} · {c.short_date(story.date)}</div>
<amp-img src="/img/reservoir.jpg" width="1200" height="675" layout="responsive" alt="Reservoir"></amp-img>
{body}
</article>
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>
<div class="amp-footer"><a href="{site.url}">View full site</a> · © {story.date[:4]} {c.esc(site.name)}</div>
</body>
</html>
"""


def seo_title(story: Story, site: Site) -> str:
    """<title> is an SEO rewrite of the headline; no og:title; a Guardian-like date string."""
    body = c.body_html(story, c.Style(link_every=3))
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Bus fares: what changes in April and who pays £2 | {c.esc(site.name)}</title>
<meta name="description" content="The county's £2 bus fare cap has been extended. Here's what it means for your journey.">
<link rel="canonical" href="{site.url}">
<meta property="og:site_name" content="{c.attr(site.name)}">
</head>
<body>
<div class="top"><a href="/">{c.esc(site.name)}</a> <a href="/transport">Transport</a> <a href="/council">Council</a></div>
<div class="article-container"><div class="headline-area"><h1>{c.esc(story.title)}</h1>
<div class="meta-line"><span class="author-name">{c.esc(story.author)}</span>
<span class="dateline-text">Tue {c.short_date(story.date)} 06.00 GMT</span></div></div>
<div class="article-text">{body}</div>
<div class="related"><h2>Related</h2>{c.headline_list(19, 3, site.base + "/news", tag="ul", cls="r")}</div></div>
<div class="foot">{c.footer_links(site.name)}</div>
</body>
</html>
"""


def print_page(story: Story, site: Site) -> str:
    """A print-friendly version: almost no chrome, source URL printed at the bottom."""
    body = c.body_html(story, c.Style())
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{c.esc(story.title)} - {c.esc(site.name)} (printer-friendly)</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{site.url}">
<style>@media print {{ .no-print {{ display: none; }} }} body {{ font: 12pt Georgia; max-width: 40em; }}</style>
</head>
<body onload="window.print()">
<p class="no-print"><a href="javascript:window.print()">Print this page</a> | <a href="{site.url}">Back to article</a></p>
<p class="print-masthead"><b>{c.esc(site.name)}</b></p>
<h1>{c.esc(story.title)}</h1>
<p class="print-byline">By {c.esc(story.author)} | {c.long_date(story.date)}</p>
{body}
<hr>
<p class="print-source">This article was printed from {site.base.removeprefix("https://")}. URL: {site.url}<br>
© {story.date[:4]} {c.esc(site.name)}. Printed for personal use only.</p>
</body>
</html>
"""


def brief(story: Story, site: Site) -> str:
    """An 80-word brief on a page heavy with chrome: most of the page is not the story."""
    body = c.body_html(story, c.Style())
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T11:20:00+01:00"),
            c.json_ld(c.news_article_ld(story, site.url, site.name, time="T11:20:00+01:00")),
        )
        + f"""<body>
<header>{c.mega_menu(site.base)}</header>
<main><article class="brief">
<p class="label">In brief</p>
<h1>{c.esc(story.title)}</h1>
<p class="byline">{c.esc(story.author)} · <time datetime="{story.date}T11:20:00+01:00">{c.short_date(story.date)}</time></p>
{body}
</article>
<section class="more-news"><h2>More local news</h2>{c.headline_list(0, 12, site.base + "/news", tag="ul", cls="more")}</section>
<section><h2>Most read</h2>{c.headline_list(8, 10, site.base + "/news")}</section>
{c.newsletter_box(site.name)}
</main>
<footer>{c.mega_menu(site.base)}{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def longread(story: Story, site: Site) -> str:
    """A 3,000-word long read in chapters, with images and a table of contents."""
    chapters: list[list[Block]] = [[]]
    for block in story.blocks:
        if block.kind == "h2":
            chapters.append([])
        chapters[-1].append(block)
    toc = "".join(
        f'<li><a href="#ch{i}">{c.esc(ch[0].text)}</a></li>'
        for i, ch in enumerate(chapters)
        if ch and ch[0].kind == "h2"
    )
    sections = []
    for i, ch in enumerate(chapters):
        inner = c.body_html(
            Story("x", "", "", story.date, blocks=tuple(ch)), c.Style(h2='<h2 class="ch">{}</h2>')
        )
        sections.append(
            f'<section id="ch{i}" class="chapter">{inner}'
            f'<figure class="inline-img"><img src="/longread/flood-{i}.jpg" alt="">'
            "<figcaption>Ashbridge, November 2019. Photograph: Lena Hoyle</figcaption></figure>"
            "</section>"
        )
    return (
        _head(
            f"{story.title} | The long read | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, description=story.dek),
            c.json_ld(c.news_article_ld(story, site.url, site.name, time="T06:00:00+00:00")),
        )
        + f"""<body class="longread">
<header>{c.mega_menu(site.base)}</header>
<main><article>
<header class="lr-head"><p class="series">The long read</p><h1>{c.esc(story.title)}</h1>
<p class="standfirst">{c.esc(story.dek)}</p>
<p class="byline">by <a rel="author" href="/profile/{c.slug(story.author)}">{c.esc(story.author)}</a></p>
<p class="date"><time datetime="{story.date}T06:00:00Z">Sat {c.long_date(story.date)} 06.00 GMT</time></p></header>
<nav class="toc"><h2>In this article</h2><ol>{toc}</ol></nav>
<div class="lr-body">
{"".join(sections)}
</div>
<p class="lr-footer"><em>Follow the long read on X at @longread, listen to our podcasts here and sign up to the long read weekly email here.</em></p>
</article></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


# --- Newsletter platforms and blogs -------------------------------------------------------


def substack(story: Story, site: Site) -> str:
    """A newsletter post with subscribe widgets inside the body."""

    def after(i: int, block: Block) -> str:
        if i == 3:
            return (
                '<div class="subscription-widget-wrap"><div class="subscription-widget">'
                f"<p>Thanks for reading {c.esc(site.name)}! Subscribe for free to receive new "
                "posts and support my work.</p><form><input type=email placeholder='Type your "
                "email…'><button>Subscribe</button></form></div></div>"
            )
        return ""

    body = c.body_html(story, c.Style(h2='<h2 class="header-anchor-post">{}</h2>', after=after))
    return (
        _head(
            f"{story.title} - by {story.author} - {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T07:01:22.000Z"),
            c.json_ld(
                c.news_article_ld(
                    story, site.url, site.name, kind="NewsArticle", time="T07:01:22+00:00"
                )
            ),
        )
        + f"""<body>
<div id="entry"><div class="main-menu"><a href="/">{c.esc(site.name)}</a><button>Subscribe</button><button>Sign in</button></div>
<div class="single-post-container"><div class="single-post"><div class="post-header">
<h1 class="post-title published">{c.esc(story.title)}</h1>
<h3 class="subtitle">What the speech didn't say</h3>
<div class="post-meta"><div class="profile-hover-card-target"><a href="/profile">{c.esc(story.author)}</a></div>
<div class="post-date">{c.us_date(story.date).replace(",", "")[:3]} {int(story.date[8:])}, {story.date[:4]}</div></div>
<div class="post-ufi"><button class="like-button">♥ 214</button><button class="comment-button">38</button><button class="share-button">Share</button></div></div>
<div class="available-content"><div class="body markup" dir="auto">
{body}
</div></div>
<div class="post-footer"><div class="post-ufi"><button class="like-button">♥ 214</button><button class="comment-button">38</button><button>Restack</button><button>Share</button></div>
<div class="subscribe-footer"><p>Discussion about this post</p><a href="/comments">View 38 comments</a></div></div>
</div></div>
<div class="footer">© {story.date[:4]} {c.esc(story.author)} · <a href="/privacy">Privacy</a> ∙ <a href="/tos">Terms</a> ∙ <a href="/collection">Collection notice</a><br>Start writing · Get the app</div></div>
</body></html>
"""
    )


def medium(story: Story, site: Site) -> str:
    """A Medium-like post: hashed class names, spans, claps, 'more from' cards."""
    body = c.body_html(
        story,
        c.Style(
            p='<p class="pw-post-body-paragraph lj lk hi ll b lm ln lo lp lq lr ls lt lu lv '
            'lw lx ly lz" data-selectable-paragraph=""><span class="lh">{}</span></p>'
        ),
    )
    return (
        _head(
            f"{story.title} | by {story.author} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T19:22:10.512Z"),
            f'<meta name="author" content="{c.attr(story.author)}">',
            c.json_ld(
                c.news_article_ld(
                    story, site.url, site.name, kind="SocialMediaPosting", time="T19:22:10Z"
                )
            ),
        )
        + f"""<body><div id="root"><div class="a b c"><div class="d e f g h">
<div class="bm bn"><a href="/">{c.esc(site.name)}</a><div class="sb">Write</div><div class="sb">Sign up</div><div class="sb">Sign in</div></div>
<div class="ab cm"><div class="hq"><section><div><div class="gv gw gx gy gz">
<h1 id="a1b2" class="pw-post-title hs ht hu bf hv hw hx">{c.esc(story.title)}</h1>
<div class="speechify-ignore ab co"><div class="ii ij"><a href="/@{c.slug(story.author)}"><span class="bf b bg">{c.esc(story.author)}</span></a>
<span>·</span><button class="follow">Follow</button></div>
<div class="ab"><span data-testid="storyReadTime">5 min read</span><span>·</span><span data-testid="storyPublishDate">{c.us_date(story.date)[:3]} {int(story.date[8:])}, {story.date[:4]}</span></div>
<div class="ab cp"><button aria-label="clap">👏 1.2K</button><button aria-label="responses">14</button><button>Listen</button><button>Share</button></div></div>
{body}
</div></div></section></div></div>
<div class="post-footer"><div class="tags"><a href="/tag/community">Community</a><a href="/tag/food-waste">Food Waste</a><a href="/tag/volunteering">Volunteering</a></div>
<div class="ab"><button aria-label="clap">👏 1.2K</button><button>14</button></div>
<div class="written-by"><h2>Written by {c.esc(story.author)}</h2><p>312 Followers</p><p>Volunteer, cyclist, occasional baker. Writing about neighbourhoods and the people who hold them together.</p><button>Follow</button></div>
<div class="more-from"><h2>More from {c.esc(story.author)}</h2>{c.headline_list(13, 4, site.base, tag="ul", cls="mf")}</div>
<div class="recommended"><h2>Recommended from {c.esc(site.name)}</h2>{c.headline_list(20, 4, site.base, tag="ul", cls="rm")}</div></div>
<div class="footer-links"><a href="/help">Help</a><a href="/status">Status</a><a href="/about">About</a><a href="/careers">Careers</a><a href="/blog">Blog</a><a href="/privacy">Privacy</a><a href="/terms">Terms</a></div>
</div></div></div></body></html>
"""
    )


def wire(story: Story, site: Site) -> str:
    """A regional paper running wire copy: dateline block, credit line, 'wire' label."""
    body = c.body_html(story, c.Style())
    place = "MAKORA"
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            f'<meta name="author" content="{c.attr(story.author)}">',
            f'<meta name="date" content="{story.date}T13:05:00Z">',
            c.og_tags(story, site.url, site.name),
        )
        + f"""<body>
<div class="page"><div class="brand">{c.esc(site.name)}</div>
<div class="nav"><a href="/world">World</a> <a href="/africa">Africa</a> <a href="/business">Business</a> <a href="/environment">Environment</a></div>
<div class="story"><h1>{c.esc(story.title)}</h1>
<div class="source">Wire service · {c.esc(story.author)}</div>
<div class="story-content">
<p class="dateline"><strong>{place}, {c.long_date(story.date)}</strong></p>
{body}
<p class="credit"><em>(Reporting by {c.esc(story.author)}; Editing by Paul Grant and Lisa Mensah)</em></p>
</div>
<div class="trust">Our standards: <a href="/principles">The Trust Principles</a>.</div></div>
<div class="sidebar">{c.headline_list(15, 5, site.base + "/world", tag="ul", cls="latest")}</div></div>
<div class="footer">{c.footer_links(site.name, story.date[:4])}</div>
</body></html>
"""
    )


def explainer(story: Story, site: Site) -> str:
    """Question headings and bullet lists in the body, a key-points box before it."""
    body = c.body_html(story, c.Style(h2='<h2 class="question">{}</h2>'))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T16:00:00+01:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
        )
        + f"""<body>
<header><a href="/">{c.esc(site.name)}</a> <nav><a href="/explainers">Explainers</a> <a href="/council">Council</a> <a href="/environment">Environment</a></nav></header>
<main><article>
<h1>{c.esc(story.title)}</h1>
<p class="byline">{c.esc(story.author)} · {c.long_date(story.date)}</p>
<aside class="key-points"><h2>Key points</h2><ul><li>Weekly food waste collections start on 4 November</li><li>All recycling goes in the blue bin</li><li>Black bins will be emptied every three weeks</li></ul></aside>
<div class="explainer-body">
{body}
</div>
<div class="was-helpful"><p>Was this article helpful?</p><button>Yes</button><button>No</button></div>
</article></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def opinion(story: Story, site: Site) -> str:
    """A comment piece: columnist photo, bio box, disclaimer, 'more opinion' list."""
    body = c.body_html(story, c.Style(link_every=3))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T18:30:00+00:00"),
            c.json_ld(
                c.news_article_ld(
                    story, site.url, site.name, kind="OpinionNewsArticle", time="T18:30:00+00:00"
                )
            ),
        )
        + f"""<body>
<header>{c.mega_menu(site.base)}</header>
<main><article class="opinion">
<p class="kicker">Opinion</p>
<h1>{c.esc(story.title)}</h1>
<div class="columnist"><img src="/cols/{c.slug(story.author)}.png" alt=""><a href="/profile/{c.slug(story.author)}">{c.esc(story.author)}</a></div>
<div class="op-body">
{body}
</div>
<div class="author-box"><p><strong>{c.esc(story.author)}</strong> is a former chief librarian and chairs a national campaign for public libraries.</p></div>
<p class="disclaimer">The views expressed in this article are the author’s own and do not necessarily reflect those of {c.esc(site.name)}.</p>
<p class="letters">Do you have an opinion on the issues raised in this article? If you would like to submit a response of up to 300 words by email to be considered for publication in our letters section, please <a href="/letters">click here</a>.</p>
</article>
<aside><h2>More opinion</h2>{c.headline_list(11, 5, site.base + "/opinion", tag="ul", cls="op")}</aside></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def sport(story: Story, site: Site) -> str:
    """A match report under a scoreboard widget, line-ups as body paragraphs."""
    body = c.body_html(story, c.Style())
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T17:10:00+00:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
        )
        + f"""<body>
<header><a href="/sport">{c.esc(site.name)} Sport</a><nav><a href="/sport/football">Football</a> <a href="/sport/cricket">Cricket</a> <a href="/sport/results">Results</a> <a href="/sport/tables">Tables</a></nav></header>
<div class="scoreboard"><div class="team home">Ashby Rovers <span class="score">2</span></div><div class="team away"><span class="score">1</span> Kelsworth Town</div>
<div class="scorers"><ul class="home-scorers"><li>Ashe 75'</li><li>Greaves 90+4'</li></ul><ul class="away-scorers"><li>Obi 34'</li></ul></div><div class="status">Full time · Att: 1,214</div></div>
<main><article>
<h1>{c.esc(story.title)}</h1>
<p class="by">{c.esc(story.author)} at Mill Park · {c.long_date(story.date)}</p>
{body}
</article>
<aside><h2>Northern Counties League</h2><table class="league"><tr><th>Pos</th><th>Team</th><th>Pts</th></tr><tr><td>1</td><td>Ashby Rovers</td><td>41</td></tr><tr><td>2</td><td>Amblewick Athletic</td><td>39</td></tr><tr><td>3</td><td>Fenby United</td><td>35</td></tr></table></aside></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def interview(story: Story, site: Site) -> str:
    """A Q&A with bold questions; the standfirst is the first paragraph of the body here."""
    body = c.body_html(story, c.Style(strong="b"))
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T10:00:00+01:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
            c.json_ld(c.news_article_ld(story, site.url, site.name, time="T10:00:00+01:00")),
        )
        + f"""<body>
<header><a href="/">{c.esc(site.name)}</a><nav><a href="/books">Books</a> <a href="/interviews">Interviews</a> <a href="/reviews">Reviews</a> <a href="/events">Events</a></nav></header>
<main><article>
<h1>{c.esc(story.title)}</h1>
<p class="byline">Interview by {c.esc(story.author)}</p>
<section class="interview-body">
{body}
</section>
<div class="buy-box"><h3>Buy the book</h3><p>The Repair Shop on Calder Street, £16.99. Order from our bookshop and get free UK delivery on orders over £25.</p><a href="/shop/repair-shop">Buy now</a></div>
</article></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def infinite_scroll(story: Story, site: Site, nxt: Story) -> str:
    """Two articles on one page: the next story is preloaded below the one asked for."""
    first = c.body_html(story, c.Style())
    second = c.body_html(nxt, c.Style())
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T08:00:00+01:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
        )
        + f"""<body>
<header><a href="/">{c.esc(site.name)}</a>{c.mega_menu(site.base)}</header>
<main class="stream">
<article class="stream-item" data-url="{site.url}">
<h1>{c.esc(story.title)}</h1>
<p class="byline">{c.esc(story.author)} · <time datetime="{story.date}T08:00:00+01:00">{c.long_date(story.date)}</time></p>
{first}
</article>
<div class="next-article-divider"><span>Next article</span></div>
<article class="stream-item" data-url="{site.base}/news/town-hall-clock-to-chime-again">
<h2 class="stream-item__title">{c.esc(nxt.title)}</h2>
<p class="byline">{c.esc(nxt.author)} · <time datetime="{nxt.date}T11:30:00+01:00">{c.long_date(nxt.date)}</time></p>
{second}
</article>
</main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def nextjs(story: Story, site: Site) -> str:
    """A React app page: CSS-module class names, the body repeated in __NEXT_DATA__ JSON."""
    body = c.body_html(
        story,
        c.Style(p='<p class="ArticleBody_paragraph__x1Ab2 Typography_body__9fQ2a">{}</p>'),
    )
    data = {
        "props": {
            "pageProps": {
                "article": {
                    "id": "a-88213",
                    "headline": story.title,
                    "byline": story.author,
                    "published": story.date + "T07:00:00Z",
                    "body": [block_text(b) for b in story.blocks if b.is_body],
                },
                "related": [{"title": h} for h in c.HEADLINES[:4]],
            }
        },
        "page": "/business/[slug]",
        "buildId": "k2F9xX0",
    }
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T07:00:00Z"),
            f'<meta name="author" content="{c.attr(story.author)}">',
            '<link rel="preload" href="/_next/static/css/7a1b.css" as="style">',
        )
        + f"""<body>
<div id="__next"><div class="Layout_root__Qw3e1">
<div class="Header_bar__2LkP0"><a class="Header_logo__aa01" href="/">{c.esc(site.name)}</a>
<div class="Header_links__b7c1"><a href="/business">Business</a><a href="/tech">Tech</a><a href="/jobs">Jobs</a></div></div>
<div class="ArticlePage_container__mZ7f2">
<div class="ArticleHeader_wrap__3pQn1"><h1 class="ArticleHeader_title__KkP0s">{c.esc(story.title)}</h1>
<div class="ArticleHeader_meta__hh7T1"><span>{c.esc(story.author)}</span><span>{c.short_date(story.date)}</span></div></div>
<div class="ArticleBody_root__f2Xc9">
{body}
</div>
<div class="RelatedRail_root__yy2a3"><div class="RelatedRail_title__8hhA0">Related</div>{c.headline_list(0, 4, site.base + "/news", tag="div", cls="RelatedRail_list__p0Ab1")}</div>
</div>
<div class="Footer_root__e3e1">© {story.date[:4]} {c.esc(site.name)}</div></div></div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script>
<script src="/_next/static/chunks/main-5e1f.js" defer></script>
</body></html>
"""
    )


def devblog(story: Story, site: Site) -> str:
    """A static-site engineering blog: table of contents, code block, 'edit this page'."""
    body = c.body_html(story, c.Style(code='<pre><code class="language-yaml">{}</code></pre>'))
    toc = "".join(
        f'<li><a href="#{c.slug(b.text)}">{c.esc(b.text)}</a></li>'
        for b in story.blocks
        if b.kind == "h2"
    )
    return (
        _head(
            f"{story.title} · {site.name}",
            _canonical(site),
            c.og_tags(story, site.url, site.name, published=story.date + "T00:00:00+00:00"),
            f'<meta name="author" content="{c.attr(story.author)}">',
            '<meta name="generator" content="Hugo 0.119.0">',
        )
        + f"""<body>
<header class="site-header"><a href="/">{c.esc(site.name)}</a> <nav><a href="/posts/">Posts</a> <a href="/tags/">Tags</a> <a href="/about/">About</a> <a href="/careers/">We're hiring</a></nav></header>
<main class="main">
<article class="post-single">
<header class="post-header"><h1 class="post-title">{c.esc(story.title)}</h1>
<div class="post-meta"><span title="{story.date} 00:00:00 +0000 UTC">{c.us_date(story.date)}</span>&nbsp;·&nbsp;6 min&nbsp;·&nbsp;{c.esc(story.author)}</div></header>
<div class="toc"><details open><summary><span class="details">Table of Contents</span></summary><div class="inner"><ul>{toc}</ul></div></details></div>
<div class="post-content">
{body}
</div>
<footer class="post-footer"><ul class="post-tags"><li><a href="/tags/infrastructure/">infrastructure</a></li><li><a href="/tags/scheduling/">scheduling</a></li><li><a href="/tags/postgres/">postgres</a></li></ul>
<nav class="paginav"><a class="prev" href="/posts/flaky-tests/"><span class="title">« Prev</span><br><span>How we halved our flaky tests</span></a><a class="next" href="/posts/on-call/"><span class="title">Next »</span><br><span>What we changed about on-call</span></a></nav>
<div class="edit"><a href="https://example.invalid/blog/edit/main/content/posts/cron.md">Suggest changes to this page</a></div></footer>
</article></main>
<footer class="footer"><span>© {story.date[:4]} {c.esc(site.name)}</span> · <span>Powered by Hugo</span></footer>
</body></html>
"""
    )


def obituary(story: Story, site: Site) -> str:
    """An obituary with a fact box beside the text and a condolences link."""
    body = c.body_html(story, c.Style())
    return (
        _head(
            f"{story.title} | {site.name}",
            _canonical(site),
            f'<meta name="author" content="{c.attr(story.author)}">',
            f'<meta property="article:published_time" content="{story.date}T15:00:00+00:00">',
            c.og_tags(story, site.url, site.name),
        )
        + f"""<body>
<header><a href="/">{c.esc(site.name)}</a><nav><a href="/news">News</a> <a href="/obituaries">Obituaries</a> <a href="/announcements">Family notices</a></nav></header>
<main><article class="obit">
<h1>{c.esc(story.title)}</h1>
<p class="byline">{c.esc(story.author)} · {c.long_date(story.date)}</p>
<aside class="fact-box"><h2>Marguerite Okonjo</h2><dl><dt>Born</dt><dd>3 May 1942, Port Harcourt</dd><dt>Died</dt><dd>6 January 2024</dd><dt>Known for</dt><dd>Founding the Eastside Community Choir</dd><dt>Honours</dt><dd>MBE, 2004</dd></dl></aside>
{body}
<p class="condolences"><a href="/announcements/okonjo">Leave a tribute or read messages of condolence</a></p>
</article></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def entities_text(markup: str) -> str:
    """Exposed for checks: the text of entity-encoded markup."""
    return html.unescape(markup)
