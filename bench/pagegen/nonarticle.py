# ruff: noqa: E501 -- page templates are HTML written as it appears on the sites they imitate.
"""Pages with no article on them: a section front, search results, a sign-in form.

Their gold body is empty. An extractor should return nothing (or nearly
nothing) for them; whatever it returns would be stored as an "article".
"""

from __future__ import annotations

from bench.pagegen import chrome as c
from bench.pagegen.sites import Site, _head
from bench.pagegen.stories import Story, plain


def _teaser(story: Story) -> str:
    first = plain(story.paragraphs()[0].text)
    return first.split(". ")[0].rstrip(".") + "."


def category_index(stories: list[Story], site: Site) -> str:
    """A 'Local news' section front: twenty teasers, pagination, no article."""
    cards = []
    for i, story in enumerate(stories[:20]):
        href = f"{site.base}/news/local/{c.slug(story.title)}-{70000 + i}"
        cards.append(
            f'<div class="card{" card--lead" if i == 0 else ""}">'
            f'<a class="card__link" href="{href}"><img src="/thumbs/{i}.jpg" alt="">'
            f'<h3 class="card__headline">{c.esc(story.title)}</h3></a>'
            f'<p class="card__summary">{c.esc(_teaser(story))}</p>'
            f'<div class="card__meta"><span class="card__section">Local</span>'
            f'<time datetime="{story.date}">{c.short_date(story.date)}</time></div></div>'
        )
    return (
        _head(
            f"Local news | {site.name}",
            f'<link rel="canonical" href="{site.url}">',
            f'<meta property="og:title" content="Local news | {c.attr(site.name)}">',
            '<meta property="og:type" content="website">',
        )
        + f"""<body class="section-front">
<header>{c.mega_menu(site.base)}</header>
<main><h1 class="section-title">Local news</h1>
<p class="section-intro">The latest news from across the county, updated through the day.</p>
<div class="grid">{"".join(cards)}</div>
<nav class="pagination"><a href="?page=1" aria-current="page">1</a> <a href="?page=2">2</a> <a href="?page=3">3</a> <a href="?page=2">Next page</a></nav>
</main>
<aside><h2>Most read</h2>{c.headline_list(2, 10, site.base + "/news")}</aside>
{c.newsletter_box(site.name)}
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def search_results(stories: list[Story], site: Site) -> str:
    """Results for a query: headline, snippet with the term in <mark>, date."""
    rows = []
    for story in stories[:10]:
        snippet = c.esc(_teaser(story))
        for word in ("library", "libraries", "Library"):
            snippet = snippet.replace(word, f"<mark>{word}</mark>")
        rows.append(
            f'<li class="result"><a class="result__title" href="{site.base}/news/'
            f'{c.slug(story.title)}">{c.esc(story.title)}</a>'
            f'<p class="result__snippet">{snippet}</p>'
            f'<p class="result__meta">{c.long_date(story.date)} · News</p></li>'
        )
    return (
        _head(
            f"Search results for “library” | {site.name}",
            '<meta name="robots" content="noindex, follow">',
        )
        + f"""<body class="search">
<header><a href="/">{c.esc(site.name)}</a>{c.mega_menu(site.base)}</header>
<main><h1>Search results</h1>
<form class="search-form" action="/search"><input name="q" value="library"><button>Search</button></form>
<p class="search-summary">Showing 1–10 of 248 results for <strong>library</strong></p>
<div class="filters"><h2>Filter by</h2><ul><li><a href="?q=library&amp;type=news">News (201)</a></li><li><a href="?q=library&amp;type=opinion">Opinion (19)</a></li><li><a href="?q=library&amp;type=video">Video (28)</a></li></ul>
<h2>Date</h2><ul><li>Past week</li><li>Past month</li><li>Past year</li></ul></div>
<ol class="results">{"".join(rows)}</ol>
<nav class="pagination"><a href="?q=library&amp;page=2">Next</a></nav></main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )


def login(site: Site) -> str:
    """A sign-in page: a form, reasons to register, help links."""
    return (
        _head(f"Sign in | {site.name}", '<meta name="robots" content="noindex">')
        + f"""<body class="account">
<header><a href="/">{c.esc(site.name)}</a></header>
<main class="auth"><h1>Sign in to your account</h1>
<form method="post" action="/account/signin" class="auth-form">
<label for="email">Email address</label><input id="email" name="email" type="email" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<label><input type="checkbox" name="remember"> Keep me signed in on this device</label>
<button type="submit">Sign in</button>
<p><a href="/account/forgot">Forgotten your password?</a></p></form>
<div class="or">or</div>
<div class="social"><button>Continue with Google</button><button>Continue with Apple</button></div>
<section class="why-register"><h2>Not registered yet?</h2>
<p>Create a free account to comment on stories, save articles to read later and choose the newsletters you want to receive.</p>
<ul><li>Comment and join the conversation</li><li>Save articles across your devices</li><li>Manage your newsletters in one place</li></ul>
<a class="button" href="/account/register">Create an account</a></section>
<p class="help">Having trouble signing in? Visit our <a href="/help">help centre</a> or call 0300 000 0000, Monday to Friday, 9am to 5pm.</p>
</main>
<footer>{c.footer_links(site.name)}</footer>
</body></html>
"""
    )
