# ruff: noqa: E501 -- page templates are HTML written as it appears on the sites they imitate.
"""Hostile site templates: pages where what surrounds the story reads like a story too.

The templates in sites.py each add one kind of furniture; these pile it up
the way the worst real pages do, and make it sentence-like (teasers with
full-sentence summaries, captions that tell a story, comment threads of
paragraphs, an author bio, an editor's note, a newsletter pitch inside the
body), so that link density and sentence shape alone cannot tell it from
the article.
"""

from __future__ import annotations

from bench.pagegen import chrome as c
from bench.pagegen.sites import Site, _canonical, _head
from bench.pagegen.stories import Block, Story

TEASERS = (
    (
        "Council to review parking charges after shop owners complain",
        "Traders on the high street say the new evening charges have cut footfall by a third since they were introduced in the spring, and the council has agreed to look again at the scheme before the budget.",
    ),
    (
        "Hospital car park to close for six weeks during resurfacing",
        "Visitors will be directed to a temporary site on the ring road, with a shuttle bus running every fifteen minutes from early morning until late evening while the work goes on.",
    ),
    (
        "Former mill to become flats under plans backed by planners",
        "The Victorian building has stood empty for more than a decade, and developers say the conversion would keep its chimney and the original iron windows facing the canal.",
    ),
    (
        "Volunteers plant two thousand trees along the river path",
        "The group has planted native species including oak, hazel and rowan, and hopes the new woodland will help slow flood water reaching the town centre in winter.",
    ),
    (
        "Primary school celebrates best inspection result in its history",
        "Inspectors praised the school’s reading programme and said pupils behaved well and were keen to learn, a big change from the report three years ago.",
    ),
)
COMMENTS = (
    (
        "Margaret H",
        "I have lived here for forty years and I have never seen the council listen to anyone until it was far too late. They will hold a consultation, ignore everything people say, and then do exactly what they had planned all along.",
    ),
    (
        "DaveFromTheEstate",
        "Everyone moaning about this should remember what it was like before. The old arrangement was a disgrace and at least somebody is trying to do something about it, even if it is not perfect.",
    ),
    (
        "local_taxpayer",
        "Who is paying for all of this? Not the councillors, that is for sure. Every year the bills go up and the services get worse, and nobody can explain where the money actually goes.",
    ),
)


def _teasers(base: str, count: int, start: int = 0, cls: str = "teaser") -> str:
    items = [TEASERS[(start + i) % len(TEASERS)] for i in range(count)]
    return "".join(
        f'<div class="{cls}"><a href="{base}/news/{c.slug(head)}"><h3>{c.esc(head)}</h3></a>'
        f"<p>{c.esc(summary)}</p></div>"
        for head, summary in items
    )


def _comments() -> str:
    return "".join(
        f'<div class="comment"><div class="comment__author">{c.esc(name)}</div>'
        f'<div class="comment__body"><p>{c.esc(text)}</p></div>'
        '<div class="comment__actions"><a href="#">Reply</a> <a href="#">Report</a></div></div>'
        for name, text in COMMENTS
    )


def _page_head(story: Story, site: Site) -> str:
    return _head(
        f"{story.title} | {site.name}",
        _canonical(site),
        c.og_tags(story, site.url, site.name, published=story.date + "T08:00:00+00:00"),
        f'<meta name="author" content="{c.attr(story.author)}">',
    )


def kitchen_sink(story: Story, site: Site) -> str:
    """Everything at once: consent overlay, mega-menu, share bar, ads and inline teasers with
    summaries between paragraphs, a newsletter pitch in the body, captions, author bio,
    editor's note, most-read with summaries, a comment thread of paragraphs."""

    def after(i: int, block: Block) -> str:
        if block.kind != "p":
            return ""
        if i % 3 == 1:
            return (
                '<div class="ad-slot"><span>Advertisement</span><p>Save up to 40% on garden '
                "furniture this weekend only, with free delivery on all orders over £50.</p></div>"
            )
        if i % 3 == 2:
            return f'<aside class="inline-related"><h4>Read more</h4>{_teasers(site.base, 1, i)}</aside>'
        return ""

    body = c.body_html(
        story,
        c.Style(
            img='<figure class="photo"><img src="/img/{n}.jpg" alt=""><figcaption>{} (Photo: Staff photographer)</figcaption></figure>',
            after=after,
        ),
    )
    return (
        _page_head(story, site)
        + f"""<body>
{c.cookie_banner(site.name)}
<header class="masthead"><a class="logo" href="{site.base}">{c.esc(site.name)}</a>
{c.mega_menu(site.base)}
<div class="breaking">Breaking: Road closed after lorry sheds its load on the bypass, drivers told to avoid the area.</div></header>
<main><article class="story">
<p class="kicker">Local news</p>
<h1>{c.esc(story.title)}</h1>
<p class="standfirst">{c.esc(story.dek)}</p>
<div class="byline">By <a href="/authors/{c.slug(story.author)}">{c.esc(story.author)}</a> · {c.short_date(story.date)} · 4 min read</div>
{c.share_buttons(site.url)}
<div class="story-body">
{body}
{c.newsletter_box(site.name)}
</div>
<div class="editor-note"><p><em>Editor’s note: This article was amended after publication to correct the spelling of a name. We are committed to accuracy and welcome corrections from readers.</em></p></div>
<div class="author-bio"><img src="/authors/{c.slug(story.author)}.jpg" alt=""><p>{c.esc(story.author)} is a reporter covering local government, transport and planning. Before joining {c.esc(site.name)} they worked for a regional news agency for eight years.</p></div>
</article></main>
<section class="most-read"><h2>Most read</h2>{_teasers(site.base, 5, 0, "most-read__item")}</section>
<section class="comments"><h2>Join the conversation (3 comments)</h2>{_comments()}</section>
<footer>{c.footer_links(site.name, story.date[:4])}</footer>
</body></html>
"""
    )


def recirculation(story: Story, site: Site) -> str:
    """A short story buried in recirculation: 'more from this section', 'trending' and
    'you may have missed' grids of teasers with summaries, longer together than the story."""
    body = c.body_html(story)
    return (
        _page_head(story, site)
        + f"""<body><div class="site">
<nav class="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></nav>
<div class="columns"><div class="main-col">
<h1 class="headline">{c.esc(story.title)}</h1>
<div class="meta"><span>{c.esc(story.author)}</span> <time datetime="{story.date}">{c.short_date(story.date)}</time></div>
<div class="content">{body}</div>
<div class="more-section"><h2>More from this section</h2>{_teasers(site.base, 4, 1)}</div>
</div>
<div class="side-col"><h2>Trending</h2>{_teasers(site.base, 5, 2, "trending")}
<h2>You may have missed</h2>{_teasers(site.base, 3, 3, "missed")}</div></div>
<footer>{c.footer_links(site.name, story.date[:4])}</footer></div></body></html>
"""
    )


def hidden_furniture(story: Story, site: Site) -> str:
    """Accessibility and app chrome: skip links, screen-reader-only text, a hidden sign-in
    modal and a hidden 'story continues' template, all full of sentences."""
    body = c.body_html(
        story,
        c.Style(
            p='<p class="para">{}</p>',
            after=lambda i, b: (
                '<span class="sr-only">Continue reading below</span>' if i == 2 else ""
            ),
        ),
    )
    return (
        _page_head(story, site)
        + f"""<body>
<a class="skip" href="#content">Skip to main content</a>
<div class="modal" hidden><h2>Sign in to keep reading</h2><p>Create a free account to read five more articles this month and get our daily newsletter with the stories everyone is talking about.</p></div>
<div class="offline" style="display: none"><p>You appear to be offline. Some features of this site will not work until your connection is restored, and the page will reload automatically.</p></div>
<div aria-hidden="true" class="ticker"><p>Markets: the index closed down half a percent as energy shares fell for the third day in a row.</p></div>
<header><a href="/">{c.esc(site.name)}</a></header>
<main id="content"><article>
<h1>{c.esc(story.title)}</h1>
<p class="by">{c.esc(story.author)}, {c.long_date(story.date)}</p>
{body}
</article></main>
<aside><h2>Related</h2>{_teasers(site.base, 2, 4)}</aside>
<footer>{c.footer_links(site.name, story.date[:4])}</footer>
</body></html>
"""
    )


def comment_first(story: Story, site: Site) -> str:
    """A blog whose comment thread and 'popular posts' come before the post in the markup
    (floated into place by CSS), with long captions and a tag cloud."""
    body = c.body_html(
        story,
        c.Style(
            img='<div class="wp-caption"><img src="/img/{n}.jpg"><p class="wp-caption-text">{} The picture was taken on a bright morning last week, shortly before the crowds arrived.</p></div>'
        ),
    )
    return (
        _page_head(story, site)
        + f"""<body class="blog">
<div id="sidebar"><h2>Popular posts</h2>{_teasers(site.base, 3, 0, "popular")}
<h2>Tags</h2><p class="tags"><a href="/t/a">allotments</a> <a href="/t/b">buses</a> <a href="/t/c">council</a> <a href="/t/d">planning</a> <a href="/t/e">weather</a></p></div>
<div id="comments"><h3>{len(COMMENTS)} thoughts on “{c.esc(story.title)}”</h3>{_comments()}</div>
<div id="post"><h1 class="entry-title">{c.esc(story.title)}</h1>
<div class="entry-meta">Posted on {c.long_date(story.date)} by {c.esc(story.author)}</div>
<div class="entry-content">{body}</div></div>
<div id="footer"><p>Proudly powered by a blog engine. Theme by someone else.</p></div>
</body></html>
"""
    )
