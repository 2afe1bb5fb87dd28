"""Write the extraction test pages and their gold labels into bench/data/pages/.

    python bench/make_pages.py

Each page is an invented story (bench/data/page_stories/) drawn by one site
template (bench/pagegen/sites.py). The gold body is computed from the same
story blocks the template drew, so label and page cannot drift apart. The
generated files are committed; this script is how they were made and how a
changed template or story is re-rendered.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pagegen import hostile, nonarticle, sites
from bench.pagegen.sites import Site
from bench.pagegen.stories import Story, gold_body, load_stories

PAGES_DIR = Path(__file__).resolve().parent / "data" / "pages"

# name -> (story key, template, site name, canonical URL)
PAGES: dict[str, tuple[str, Callable[[Story, Site], str], str, str]] = {
    "wordpress-blog": (
        "allotment",
        sites.wordpress,
        "Plot 14B",
        "https://plot14b.example.org/2023/02/14/our-allotments-first-winter/",
    ),
    "wordpress-long-comments": (
        "cycling",
        sites.wordpress_comments,
        "Millbrook Wheels",
        "https://millbrookwheels.example.net/2024/05/09/millbrook-road-cycle-lane/",
    ),
    "bignews-jsonld-megamenu": (
        "council_budget",
        sites.bignews,
        "The Northern Ledger",
        "https://www.northernledger.example.com/news/local/harrowgate-council-tax-rise-libraries-48211",
    ),
    "bignews-classic-caption": (
        "rail_fine",
        sites.bignews_classic,
        "National News Service",
        "https://www.nns.example.co.uk/news/business-67330012",
    ),
    "liveblog": (
        "election_live",
        sites.liveblog,
        "Vellmar Today",
        "https://www.vellmartoday.example.eu/politics/live/2024/jun/09/regional-election-results",
    ),
    "divsoup-br-paragraphs": (
        "factory",
        sites.divsoup,
        "Dunmore Observer",
        "https://www.dunmoreobserver.example.co.uk/news/local/factory-closure-puts-300-jobs-at-risk",
    ),
    "table-layout-2005": (
        "clock_tower",
        sites.tablelayout,
        "Great Wenning Village News",
        "http://www.greatwenning.example.org.uk/news/clocktower.htm",
    ),
    "split-divs-ads": (
        "folk_festival",
        sites.split_divs,
        "Ashcombe Gazette",
        "https://www.ashcombegazette.example.co.uk/whats-on/riverside-folk-festival-returns-8823114",
    ),
    "jsonld-only-metadata": (
        "brewery_foam",
        sites.jsonld_only,
        "Green Business Weekly",
        "https://greenbusinessweekly.example.com/startups/grainfold-brewery-waste-packaging",
    ),
    "opengraph-only": (
        "heatwave",
        sites.og_only,
        "Weather Desk",
        "https://weatherdesk.example.com/news/amber-heat-health-alert-34c",
    ),
    "time-datetime-no-meta": (
        "school_meals",
        sites.time_tag,
        "City Desk",
        "https://citydesk.example.org/education/school-meals-pilot-extended",
    ),
    "byline-in-text": (
        "ferry",
        sites.text_byline,
        "Western Isles Chronicle",
        "https://westernisleschronicle.example.ie/news/ferry-suspended-hull-crack",
    ),
    "paywall-teaser": (
        "warehouse_paywall",
        sites.paywall,
        "The City Post",
        "https://www.citypost.example.com/property/quay-street-warehouse-bidding-war",
    ),
    "comments-longer-than-article": (
        "tower_plan",
        sites.news_comments,
        "Borough Echo",
        "https://www.boroughecho.example.co.uk/news/wickham-green-tower-objections-2291",
    ),
    "gallery-long-captions": (
        "tram_depot",
        sites.gallery,
        "City Heritage Post",
        "https://cityheritagepost.example.org/in-pictures/albright-street-tram-depot",
    ),
    "magazine-pullquotes-dropcap": (
        "lighthouse",
        sites.magazine,
        "Coast & Islands",
        "https://coastandislands.example.co.uk/features/the-last-keepers-daughter",
    ),
    "embedded-tweets": (
        "airport_outage",
        sites.tweets,
        "Eastern Daily Wire",
        "https://www.easterndailywire.example.com/news/eastmoor-airport-baggage-failure",
    ),
    "table-in-body": (
        "house_prices",
        sites.data_table,
        "Regional Property News",
        "https://www.regionalproperty.example.com/news/house-prices-fastest-rising-towns",
    ),
    "entities-accents-latin1": (
        "pastry",
        sites.entities,
        "Sabor Europa",
        "https://saboreuropa.example.pt/en/pastry/sao-bras-custard-tart-gold",
    ),
    "malformed-markup": (
        "bridge_repairs",
        sites.malformed,
        "Fenby Mercury",
        "https://www.fenbymercury.example.co.uk/news/kingsway-bridge-closure",
    ),
    "scripts-noscript-templates": (
        "pharmacy",
        sites.scripts_noscript,
        "Westbury Herald",
        "https://www.westburyherald.example.co.uk/health/overnight-pharmacy-launch",
    ),
    "cookie-consent-overlay": (
        "viking_boat",
        sites.cookie_overlay,
        "History Now",
        "https://historynow.example.com/archaeology/trennock-norse-boat-unveiled",
    ),
    "amp": (
        "water_bills",
        sites.amp,
        "Fenland Evening News",
        "https://www.fenlandnews.example.co.uk/news/water-bills-rise-7-a-month",
    ),
    "title-differs-from-h1": (
        "bus_fares",
        sites.seo_title,
        "Shire Courier",
        "https://www.shirecourier.example.co.uk/transport/bus-fare-cap-extended-2024",
    ),
    "print-friendly": (
        "damp_court",
        sites.print_page,
        "Tanford Evening Post",
        "https://www.tanfordpost.example.co.uk/news/crime/landlord-damp-trial-day-one",
    ),
    "very-short-brief": (
        "lorry_load",
        sites.brief,
        "Brantley Advertiser",
        "https://www.brantleyadvertiser.example.co.uk/news/a614-closed-gravel-spill",
    ),
    "very-long-read": (
        "flood_longread",
        sites.longread,
        "The Weekend Review",
        "https://www.weekendreview.example.com/news/2024/nov/16/ashbridge-flood-five-years-on",
    ),
    "newsletter-substack-like": (
        "budget_notes",
        sites.substack,
        "Public Money Notes",
        "https://publicmoneynotes.example.com/p/notes-from-the-budget-three-numbers",
    ),
    "medium-like-blog": (
        "community_fridge",
        sites.medium,
        "Neighbourly",
        "https://neighbourly.example.com/what-i-learned-running-a-community-fridge-3c9e1f2a7b",
    ),
    "wire-dateline-credit": (
        "mining_settlement",
        sites.wire,
        "The Continental Times",
        "https://www.continentaltimes.example.com/world/africa/orrin-minerals-sebu-settlement",
    ),
    "explainer-lists": (
        "recycling",
        sites.explainer,
        "Borough Life",
        "https://boroughlife.example.org/explainers/new-recycling-rules",
    ),
    "opinion-bio-disclaimer": (
        "libraries_oped",
        sites.opinion,
        "The Civic Review",
        "https://www.civicreview.example.com/opinion/libraries-are-not-a-luxury",
    ),
    "sport-scoreboard": (
        "match_report",
        sites.sport,
        "Northern Counties Sport",
        "https://ncsport.example.co.uk/football/ashby-rovers-2-1-kelsworth-town",
    ),
    "interview-qa": (
        "interview",
        sites.interview,
        "The Reading Room",
        "https://readingroom.example.com/interviews/corinne-adeyemi-repair-shop",
    ),
    "nextjs-hydration-json": (
        "tech_hub",
        sites.nextjs,
        "North West Business Insider",
        "https://nwbusinessinsider.example.com/business/lanternfish-ribbleford-mill-200-jobs",
    ),
    "devblog-code-toc": (
        "cron_blog",
        sites.devblog,
        "Ledgerline Engineering",
        "https://engineering.ledgerline.example.com/posts/moving-off-cron/",
    ),
    "obituary-factbox": (
        "obituary",
        sites.obituary,
        "The Eastside Journal",
        "https://www.eastsidejournal.example.co.uk/obituaries/marguerite-okonjo",
    ),
    # Hostile pages (bench/pagegen/hostile.py): furniture that reads like a story too.
    "hostile-kitchen-sink": (
        "bus_fares",
        hostile.kitchen_sink,
        "The Valley Courier",
        "https://www.valleycourier.example.co.uk/news/transport/bus-fares-rise-kitchen",
    ),
    "hostile-recirculation": (
        "heatwave",
        hostile.recirculation,
        "Metro Daily Wire",
        "https://www.metrodailywire.example.com/news/heatwave-warning-recirculation",
    ),
    "hostile-hidden-furniture": (
        "pharmacy",
        hostile.hidden_furniture,
        "Southgate Post",
        "https://southgatepost.example.net/health/overnight-pharmacy-hidden",
    ),
    "hostile-comments-first": (
        "ferry",
        hostile.comment_first,
        "Island Notebook",
        "https://islandnotebook.example.org/2024/ferry-comments-first/",
    ),
}

INFINITE = (
    "infinite-scroll-two-articles",
    "late_fees",
    "late_fees_next",
    "County Times",
    "https://www.countytimes.example.co.uk/news/library-late-fees-scrapped",
)

NON_ARTICLE_SITE = Site("The Northern Ledger", "https://www.northernledger.example.com/news/local")


def write_page(name: str, markup: str, gold: dict[str, str]) -> None:
    (PAGES_DIR / f"{name}.html").write_text(markup, encoding="utf-8")
    (PAGES_DIR / f"{name}.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def gold_for(story: Story, site: Site) -> dict[str, str]:
    return {
        "title": story.title,
        "author": story.author,
        "date": story.date,
        "site_name": site.name,
        "url": site.url,
        "body": gold_body(story.blocks),
    }


def main() -> None:
    stories = load_stories()
    PAGES_DIR.mkdir(parents=True, exist_ok=True)
    for name, (key, template, site_name, url) in PAGES.items():
        site = Site(site_name, url)
        write_page(name, template(stories[key], site), gold_for(stories[key], site))
    name, key, next_key, site_name, url = INFINITE
    site = Site(site_name, url)
    markup = sites.infinite_scroll(stories[key], site, stories[next_key])
    write_page(name, markup, gold_for(stories[key], site))

    listed = sorted(
        (s for k, s in stories.items() if k != "late_fees_next"), key=lambda s: s.date, reverse=True
    )
    empty = {"author": "", "date": "", "body": ""}
    front = Site(NON_ARTICLE_SITE.name, NON_ARTICLE_SITE.url)
    write_page(
        "no-article-category-index",
        nonarticle.category_index(listed, front),
        {"title": "Local news", "site_name": front.name, "url": front.url, **empty},
    )
    search = Site(front.name, "https://www.northernledger.example.com/search?q=library")
    hits = [s for s in listed if "librar" in s.blocks[0].text.lower() + s.title.lower()]
    hits += [s for s in listed if s not in hits]
    write_page(
        "no-article-search-results",
        nonarticle.search_results(hits, search),
        {"title": "Search results", "site_name": front.name, "url": search.url, **empty},
    )
    signin = Site(front.name, "https://www.northernledger.example.com/account/signin")
    write_page(
        "no-article-login",
        nonarticle.login(signin),
        {"title": "Sign in to your account", "site_name": front.name, "url": signin.url, **empty},
    )
    count = len(list(PAGES_DIR.glob("*.html")))
    print(f"wrote {count} pages to {PAGES_DIR}")


if __name__ == "__main__":
    main()
