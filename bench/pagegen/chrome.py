"""Page furniture shared by the site templates: menus, lists, banners, comments.

All of it is invented. None of it is article body, so the gold text never
contains any of it; the benchmark's precision is largely a measure of how
much of this an extractor lets through.
"""

from __future__ import annotations

import html
import json
import re
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bench.pagegen.stories import Block, Story, plain

HEADLINES = (
    "Man rescued after spending night on cliff ledge",
    "Council tax: how much will your bill go up?",
    "Bakery chain to close 14 branches",
    "Police appeal after van stolen with dog inside",
    "Hospital car park charges to rise from April",
    "Teenager’s science project wins national award",
    "Pothole repairs ‘will take a decade’ at current rate",
    "New owners promise to reopen seaside pier",
    "Football club fined over stadium safety breach",
    "Record number of swifts spotted on reserve",
    "Why are so many pubs changing hands?",
    "Homes evacuated after gas leak on estate",
    "Fire crews tackle large barn blaze overnight",
    "Village shop saved by community share offer",
    "Rail line to close for ten days of engineering work",
    "Plans for 400 homes on farmland rejected",
    "Pensioner completes 100th marathon",
    "City’s oldest cinema to show films again",
    "Rents rise at fastest pace for a decade",
    "School told to improve after inspection",
    "Charity shop volunteers honoured",
    "Lost wedding ring found inside potato",
    "Search for missing walker called off",
    "Drivers warned of delays as motorway junction shuts",
)

SECTIONS = {
    "News": ("UK", "World", "Politics", "Business", "Health", "Education", "Science"),
    "Local": ("North", "South", "East", "West", "City", "Coast", "Villages"),
    "Sport": ("Football", "Cricket", "Rugby", "Tennis", "Golf", "Racing", "Results"),
    "Culture": ("Books", "Film", "Music", "Theatre", "Art", "TV", "Food"),
    "Lifestyle": ("Travel", "Homes", "Money", "Motoring", "Gardening", "Puzzles"),
    "Opinion": ("Columnists", "Letters", "Editorials", "Cartoons"),
}


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def inline(text: str, *, strong: str = "strong") -> str:
    """One paragraph's text as escaped HTML, **bold** rendered."""
    return re.sub(r"\*\*(.+?)\*\*", rf"<{strong}>\1</{strong}>", esc(text))


def linkify(markup: str, href: str, start: int = 5, length: int = 3) -> str:
    """Wrap a few words of a paragraph in a link, as articles link people and places."""
    words = markup.split(" ")
    span = words[start : start + length]
    if len(words) < start + length + 4 or any(c in w for w in span for c in "<>&"):
        return markup
    words[start] = f'<a href="{attr(href)}">{words[start]}'
    words[start + length - 1] += "</a>"
    return " ".join(words)


MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long_date(iso: str) -> str:
    """2024-03-03 -> 3 March 2024."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def us_date(iso: str) -> str:
    """2024-03-03 -> March 3, 2024."""
    year, month, day = iso.split("-")
    return f"{MONTHS[int(month) - 1]} {int(day)}, {year}"


def short_date(iso: str) -> str:
    """2024-03-03 -> 3 Mar 2024."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1][:3]} {year}"


@dataclass
class Style:
    """How a template draws each kind of body block; `after` inserts chrome between blocks."""

    p: str = "<p>{}</p>"
    h2: str = "<h2>{}</h2>"
    quote: str = "<blockquote><p>{}</p></blockquote>"
    li: str = "<li>{}</li>"
    ul: str = "<ul>{}</ul>"
    code: str = "<pre><code>{}</code></pre>"
    img: str = '<figure><img src="/img/{n}.jpg" alt=""><figcaption>{}</figcaption></figure>'
    pull: str = '<aside class="pullquote"><p>{}</p></aside>'
    table_class: str = ""
    link_every: int = 0
    link_base: str = "/news/"
    strong: str = "strong"
    joiner: str = "\n"
    after: Callable[[int, Block], str] | None = None


def tweet_html(block: Block) -> str:
    name_handle, _, when = block.attribution.removeprefix("— ").rpartition(") ")
    text = esc(block.text)
    if "pic.twitter.com/" in text:
        head, _, pic = text.rpartition(" ")
        text = f'{head} <a href="https://t.co/{pic[-8:]}">{pic}</a>'
    return (
        '<blockquote class="twitter-tweet" data-lang="en" data-dnt="true">'
        f'<p lang="en" dir="ltr">{text}</p>&mdash; {esc(name_handle)}) '
        f'<a href="https://twitter.com/i/status/17{zlib.crc32(block.text.encode()):016d}">'
        f"{esc(when)}</a></blockquote>\n"
        '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    )


def table_html(block: Block, css: str = "") -> str:
    head, *rows = block.rows
    cls = f' class="{css}"' if css else ""
    out = [f"<table{cls}><thead><tr>"]
    out += [f"<th>{esc(c)}</th>" for c in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def body_html(story: Story, style: Style | None = None) -> str:
    """The article body as HTML in `style`, chrome inserted where `style.after` says."""
    style = style or Style()
    out: list[str] = []
    n_p = 0
    for i, block in enumerate(story.blocks):
        if block.kind == "p":
            markup = inline(block.text, strong=style.strong)
            n_p += 1
            if style.link_every and n_p % style.link_every == 0:
                markup = linkify(markup, style.link_base + slug(block.text[:30]))
            out.append(style.p.format(markup))
        elif block.kind == "h2":
            out.append(style.h2.format(esc(block.text)))
        elif block.kind == "quote":
            out.append(style.quote.format(esc(block.text)))
        elif block.kind == "list":
            items = "".join(style.li.format(inline(item)) for item in block.items)
            out.append(style.ul.format(items))
        elif block.kind == "code":
            out.append(style.code.format(esc("\n".join(block.items))))
        elif block.kind == "table":
            out.append(table_html(block, style.table_class))
        elif block.kind == "tweet":
            out.append(tweet_html(block))
        elif block.kind == "img":
            out.append(style.img.format(esc(block.text), n=i))
        elif block.kind == "pull":
            out.append(style.pull.format(esc(block.text)))
        if style.after:
            out.append(style.after(i, block))
    return style.joiner.join(x for x in out if x)


def mega_menu(base: str) -> str:
    """A news site's navigation with every section and subsection."""
    parts = ['<nav class="mega-menu" aria-label="Sections"><ul class="mega-menu__list">']
    for section, subs in SECTIONS.items():
        parts.append(
            f'<li class="mega-menu__item"><a href="{base}/{slug(section)}">{section}</a>'
            '<div class="mega-menu__panel"><ul>'
            + "".join(f'<li><a href="{base}/{slug(section)}/{slug(s)}">{s}</a></li>' for s in subs)
            + "</ul></div></li>"
        )
    parts.append("</ul></nav>")
    return "\n".join(parts)


def headline_list(
    start: int, count: int, base: str, *, tag: str = "ol", cls: str = "most-read"
) -> str:
    items = [HEADLINES[(start + i) % len(HEADLINES)] for i in range(count)]
    lis = "".join(
        f'<li><a href="{base}/{slug(h)}-{60000 + start * 7 + i}">{esc(h)}</a></li>'
        for i, h in enumerate(items)
    )
    return f'<{tag} class="{cls}">{lis}</{tag}>'


def footer_links(site: str, year: str = "2024") -> str:
    links = (
        "About us",
        "Contact us",
        "Advertise with us",
        "Terms and conditions",
        "Privacy notice",
        "Cookie settings",
        "Accessibility",
        "Complaints",
        "Jobs",
        "Syndication",
    )
    lis = "".join(f'<li><a href="/{slug(x)}">{x}</a></li>' for x in links)
    return (
        f'<ul class="footer-links">{lis}</ul>'
        f'<p class="copyright">© {year} {esc(site)}. All rights reserved. '
        "Registered in England and Wales. No part of this site may be reproduced without our "
        "written permission.</p>"
    )


def newsletter_box(site: str) -> str:
    return (
        '<div class="newsletter-signup"><h3>Get the morning briefing</h3>'
        f"<p>The day’s top stories from {esc(site)}, in your inbox before breakfast. "
        "Free, every weekday.</p><form action=/newsletters method=post>"
        '<label for="nl-email">Email address</label><input id="nl-email" type="email">'
        "<button>Sign up</button></form><p class=small>By signing up you agree to our "
        "privacy notice. You can unsubscribe at any time.</p></div>"
    )


def share_buttons(url: str) -> str:
    return (
        '<div class="share-tools"><span class="share-label">Share this article</span>'
        f'<a class="share facebook" href="https://www.facebook.com/sharer/sharer.php?u={url}">'
        "Facebook</a>"
        f'<a class="share x" href="https://twitter.com/intent/tweet?url={url}">X</a>'
        f'<a class="share whatsapp" href="whatsapp://send?text={url}">WhatsApp</a>'
        f'<a class="share email" href="mailto:?body={url}">Email</a>'
        '<button class="copy-link">Copy link</button></div>'
    )


def cookie_banner(site: str) -> str:
    """A consent overlay with as much text as the real ones."""
    return f"""<div id="consent-overlay" class="cmp-overlay" role="dialog" aria-modal="true">
<div class="cmp-box"><h2 class="cmp-title">We value your privacy</h2>
<p class="cmp-text">We and our 847 partners store and/or access information on a device,
such as cookies, and process personal data, such as unique identifiers and standard
information sent by a device, for personalised advertising and content, advertising and
content measurement, audience research and services development. With your permission we
and our partners may use precise geolocation data and identification through device
scanning. You may click to consent to our and our 847 partners’ processing as described
above. Alternatively you may click to refuse to consent or access more detailed information
and change your preferences before consenting. Please note that some processing of your
personal data may not require your consent, but you have a right to object to such
processing. Your preferences will apply to {esc(site)} only. You can change your
preferences or withdraw your consent at any time by returning to this site and clicking the
“Privacy” link at the bottom of the page.</p>
<div class="cmp-purposes"><h3>Purposes</h3><ul>
<li>Store and/or access information on a device</li>
<li>Use limited data to select advertising</li>
<li>Create profiles for personalised advertising</li>
<li>Use profiles to select personalised content</li>
<li>Measure advertising performance</li>
<li>Understand audiences through statistics or combinations of data from different
sources</li>
<li>Develop and improve services</li></ul></div>
<div class="cmp-buttons"><button class="cmp-accept">Accept all</button>
<button class="cmp-reject">Reject all</button><button class="cmp-more">More options</button>
</div></div></div>"""


def json_ld(data: Mapping[str, object]) -> str:
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return f'<script type="application/ld+json">\n{body}\n</script>'


def news_article_ld(
    story: Story,
    url: str,
    site: str,
    *,
    kind: str = "NewsArticle",
    time: str = "T07:30:00+00:00",
    modified: str = "",
    image: bool = True,
    extra: dict[str, object] | None = None,
) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": kind,
        "headline": story.title,
        "datePublished": story.date + time,
        "dateModified": modified or story.date + time,
        "author": [{"@type": "Person", "name": story.author}],
        "publisher": {
            "@type": "Organization",
            "name": site,
            "logo": {"@type": "ImageObject", "url": url.split("/", 3)[0] + "//logo.png"},
        },
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    if story.dek:
        data["description"] = story.dek
    if image:
        data["image"] = [url.rsplit("/", 1)[0] + "/images/lead-1200x675.jpg"]
    data.update(extra or {})
    return data


def og_tags(
    story: Story,
    url: str,
    site: str,
    *,
    title: str | None = None,
    published: str | None = None,
    author: str | None = None,
    description: str | None = None,
) -> str:
    tags = [
        ("og:type", "article"),
        ("og:site_name", site),
        ("og:title", story.title if title is None else title),
        ("og:url", url),
        ("og:image", url.rsplit("/", 1)[0] + "/img/share.jpg"),
    ]
    first = next((plain(b.text) for b in story.paragraphs()), "")
    tags.append(("og:description", description if description is not None else first[:180]))
    if published:
        tags.append(("article:published_time", published))
    if author:
        tags.append(("article:author", author))
    return "\n".join(f'<meta property="{k}" content="{attr(v)}">' for k, v in tags if v)


def comments_html(comments: Sequence[tuple[str, str, str]], style: str) -> str:
    """A comment thread: (name, when, text) triples drawn as WordPress or a news widget."""
    out: list[str] = []
    for i, (name, when, text) in enumerate(comments):
        paras = "".join(f"<p>{esc(t)}</p>" for t in text.split(" / "))
        if style == "wordpress":
            out.append(
                f'<li id="comment-{812 + i}" class="comment even thread-even depth-1">'
                f'<article id="div-comment-{812 + i}" class="comment-body">'
                '<footer class="comment-meta"><div class="comment-author vcard">'
                f'<img alt="" src="/avatar/{i}.png" class="avatar" height="42" width="42">'
                f'<b class="fn">{esc(name)}</b> <span class="says">says:</span></div>'
                f'<div class="comment-metadata"><a href="#comment-{812 + i}">'
                f"<time>{esc(when)}</time></a></div></footer>"
                f'<div class="comment-content">{paras}</div>'
                f'<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a>'
                "</div></article></li>"
            )
        else:
            out.append(
                f'<div class="cmt" data-id="{40210 + i}"><div class="cmt-head">'
                f'<span class="cmt-user">{esc(name)}</span>'
                f'<span class="cmt-age">{esc(when)}</span></div>'
                f'<div class="cmt-text">{paras}</div>'
                f'<div class="cmt-actions"><button>Reply</button>'
                f"<button>▲ {(i * 7) % 23 + 1}</button><button>▼ {(i * 3) % 5}</button>"
                "<button>Report</button></div></div>"
            )
    return "\n".join(out)


CYCLING_COMMENTS = (
    (
        "Pete M",
        "May 9, 2024 at 8:14 am",
        "Good piece, and fair, which is more than can be said for most of what has been "
        "written about this lane. I run the hardware shop near the eastern end and I can "
        "tell you that Saturdays are definitely quieter. Whether that is the lane or the "
        "economy I honestly could not say. / What I would say is nobody from the council "
        "has ever come and asked us. We found out about the parking from a letter.",
    ),
    (
        "Claire Fenwick",
        "May 9, 2024 at 9:02 am",
        "The roundabout is the whole problem. I cycle the lane every day with my son on "
        "the back and then get off and walk across the roundabout on the pavement because "
        "there is no way I am riding through it. I have been hooted at by drivers and "
        "shouted at by pedestrians for it. Fix that and I think you would see a lot more "
        "families using it.",
    ),
    (
        "Graham",
        "May 9, 2024 at 10:37 am",
        "Sixty per cent more cyclists is still not very many cyclists. I drive down "
        "Millbrook Road twice a day and the lane is empty most of the time while the "
        "traffic sits there queuing. Forty one parking spaces for a handful of people in "
        "lycra. Sorry but I do not see how this is a good use of road space.",
    ),
    (
        "Dev Anand",
        "May 9, 2024 at 11:05 am",
        "Graham, the counts are in the monitoring report, page 14, and at peak times it is "
        "about 180 bikes an hour at Station Road. It looks empty partly because bikes take "
        "up so little room. But I take the point that it does not feel busy to someone "
        "sitting in the queue next to it.",
    ),
    (
        "Sue Barraclough",
        "May 9, 2024 at 1:48 pm",
        "I am 71 and I started cycling again last year because of this lane. I would never "
        "have gone on the road before. I go to the market on it and to see my sister. So "
        "please do not tell me it is only for people in lycra. / I agree about the "
        "roundabout though. I get off and push.",
    ),
    (
        "Anonymous",
        "May 9, 2024 at 3:20 pm",
        "Typical of this council. Spend a fortune on something half finished then blame "
        "everyone else when it does not work. Same with the bus station, same with the "
        "market hall. They should sort out the potholes first. The potholes on Ferry Lane "
        "are an actual danger to cyclists and nobody seems to care about that.",
    ),
    (
        "Tom Richards",
        "May 9, 2024 at 6:12 pm",
        "One thing the article does not mention is deliveries. Several of the shops on the "
        "east side have no rear access, so the lorries now stop in the bus lane or on the "
        "pavement. That is a safety problem in its own right and it was flagged in the "
        "consultation before the trial started. Has anyone from the council responded to "
        "that?",
    ),
    (
        "Millbrook Cycle Forum",
        "May 10, 2024 at 7:45 am",
        "Thanks for writing this. For anyone who wants to respond to the consultation, our "
        "guide to the questions is on our website, and we will be at the library on "
        "Saturday 18 May from 10 until 1 if you want to talk it through. We have asked the "
        "council to publish the full junction design for the roundabout before the "
        "decision is made. / Whatever you think of the lane, please do respond. The last "
        "consultation had fewer than 400 replies.",
    ),
    (
        "Karen H",
        "May 10, 2024 at 9:30 am",
        "My daughter is eleven and she asks me every week if she can ride to school. Every "
        "week I say no, because of that junction and the last two hundred metres by the "
        "school where the lane just disappears into parked cars. It is so frustrating "
        "because the rest of the route is lovely now.",
    ),
    (
        "Pete M",
        "May 10, 2024 at 12:01 pm",
        "Karen, I do not want to sound like I am against the lane, I am not really. I just "
        "want someone to look at the delivery problem and the loading bays. If they did "
        "that and sorted out the roundabout I think most of the shops would come round.",
    ),
)

TOWER_COMMENTS = (
    (
        "GreenResident",
        "2 days ago",
        "Twenty two storeys in a conservation area. Let that sink in. The tallest building "
        "within a mile is the church spire. Nobody is against homes on that site but this "
        "is greed, pure and simple.",
    ),
    (
        "RealistMike",
        "2 days ago",
        "Where exactly do people think their children are going to live? The borough has "
        "missed its housing target four years running. Every single scheme gets the same "
        "900 objections from people who already own houses. Rents here are up 11% in a "
        "year. Build it.",
    ),
    (
        "Pauline_G",
        "2 days ago",
        "Mike, nobody at the meeting said do not build anything. We said build something "
        "that fits. Six or eight storeys with family homes and proper gardens would be "
        "welcomed. Two hundred one-bed flats with a rooftop garden is not going to house "
        "families.",
    ),
    (
        "StationParadeShop",
        "2 days ago",
        "The showroom has been empty for six years and it attracts nothing but fly tipping "
        "and graffiti. Anything would be better than what is there now. More people living "
        "on the parade would be good for the shops too.",
    ),
    (
        "Wickham Walker",
        "2 days ago",
        "Has anyone actually looked at the shadow diagrams in the application? In December "
        "the tower would put most of the green in shade by two in the afternoon. The "
        "playground and the bowling green would get no direct sun at all for three months "
        "of the year. That is not a matter of taste, it is in their own documents.",
    ),
    (
        "RealistMike",
        "2 days ago",
        "So we should deny 214 households a home so the bowling green gets sun in December? "
        "I genuinely do not understand the priorities of some people in this area.",
    ),
    (
        "Jen O",
        "1 day ago",
        "The GP surgery on Mill Lane already has a three week wait for an appointment. The "
        "primary school turned away 40 children last September. Where is the money for "
        "that in this plan? I have read the whole thing and the answer is a contribution "
        "to a fund that may or may not be spent anywhere near here.",
    ),
    (
        "architect_not_a_developer",
        "1 day ago",
        "For what it is worth the design itself is not bad. The problem is the brief. A "
        "site this size near a station will only stack up financially at this height if "
        "30% is affordable. Either the borough accepts fewer affordable homes and a lower "
        "building or it accepts the height. There is no version where everyone gets "
        "everything. / I would rather see the height and the affordable homes, personally.",
    ),
    (
        "GreenResident",
        "1 day ago",
        "“Below market rent” in this borough still means £1,600 a month for a one bed. "
        "That is not affordable for a nurse or a teacher. Read the small print.",
    ),
    (
        "Tony B",
        "1 day ago",
        "I have lived on Station Parade for 40 years and I have seen the area go up and "
        "down. Honestly I think the tower would be an eyesore but I also think my grandson "
        "will never be able to afford to live round here unless something gets built. I "
        "do not envy the committee.",
    ),
    (
        "Sarah W",
        "20 hours ago",
        "The consultation boards at the meeting did not even show the tower from the green. "
        "Every view was from the station side, where it looks fine. That tells you "
        "everything about how confident the developer is.",
    ),
    (
        "localhistorian",
        "18 hours ago",
        "A small point of history: the showroom site was a cinema until 1961, the Regal, "
        "and before that a row of cottages. There was a plan for a twelve storey office "
        "block there in 1972 which was also fought off by residents. Plus ça change.",
    ),
    (
        "RealistMike",
        "12 hours ago",
        "And in 1972 a house here cost three times the average salary. Now it is fifteen "
        "times. Maybe the 1972 residents should have lost.",
    ),
    (
        "Moderator",
        "10 hours ago",
        "A reminder to keep comments civil and on topic. Several comments have been removed "
        "for breaching our community guidelines.",
    ),
)
