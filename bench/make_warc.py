"""Generate a large ``.warc.gz`` of Hindi news pages for memory and throughput benchmarks.

Every record is an HTTP response whose HTML is built from one of several page templates and from
sentences generated out of ``warc_vocab.txt``, so no two pages are the same. Records are written one
gzip member at a time and streamed to disk: memory stays flat whatever ``--size-gb`` is.

    python bench/make_warc.py --size-gb 1 big.warc.gz
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

VOCAB = Path(__file__).resolve().parent / "warc_vocab.txt"


def load_vocab(path: Path = VOCAB) -> dict[str, list[str]]:
    """Sections of the vocabulary file: ``[name]`` lines open a section."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


class PageMaker:
    """Random but plausible Hindi news pages from the vocabulary."""

    def __init__(self, vocab: dict[str, list[str]], seed: int) -> None:
        self.vocab = vocab
        self.rng = random.Random(seed)

    def pick(self, section: str) -> str:
        return self.rng.choice(self.vocab[section])

    def sentence(self) -> str:
        number = self.rng.randint(2, 950)
        return (f"{self.pick('time')} {self.pick('place')} में {self.pick('subject')} ने "
                f"{number} करोड़ रुपये की {self.pick('object')} {self.pick('verb')}।")

    def paragraph(self) -> str:
        parts = [self.sentence() for _ in range(self.rng.randint(2, 4))]
        if self.rng.random() < 0.5:
            parts.append(self.pick("quote"))
        return " ".join(parts)

    def page(self, number: int) -> tuple[str, str]:
        """(url, html) of one generated page."""
        published = datetime(2019, 1, 1, tzinfo=UTC) + timedelta(minutes=self.rng.randint(0, 3_000_000))
        story = {
            "title": f"{self.pick('place')}: {self.pick('subject')} ने {self.pick('object')} {self.pick('verb')}",
            "author": self.pick("author"), "site": self.pick("site"), "published": published,
            "paragraphs": [self.paragraph() for _ in range(self.rng.randint(4, 12))],
        }
        url = f"https://news{number % 50}.example/{published:%Y/%m/%d}/story-{number}"
        template = self.rng.choice((jsonld_page, wordpress_page, minimal_page))
        return url, template(story, self)


def _paragraphs(story: dict) -> str:
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in story["paragraphs"])


def _hindi_date(moment: datetime, maker: PageMaker) -> str:
    return f"{moment.day} {maker.vocab['month'][moment.month - 1]} {moment.year}"


def jsonld_page(story: dict, maker: PageMaker) -> str:
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story["title"],
            "datePublished": story["published"].isoformat(), "author": {"@type": "Person", "name": story["author"]}}
    return f"""<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>{html.escape(story['title'])}</title>
<script type="application/ld+json">{json.dumps(meta, ensure_ascii=False)}</script></head><body>
<div class="top"><span>{_hindi_date(datetime.now(UTC), maker)}</span><a href="/">{story['site']}</a></div>
<h1>{html.escape(story['title'])}</h1><div class="by">रिपोर्ट: {story['author']}, {maker.pick('place')}</div>
<div class="story">{_paragraphs(story)}<p>यह भी पढ़ें: <a href="/x">{html.escape(maker.sentence())}</a></p></div>
<ul class="related">{''.join(f'<li><a href="/r">{html.escape(maker.sentence())}</a></li>' for _ in range(5))}</ul>
<footer>© {story['published'].year} {story['site']}</footer></body></html>"""


def wordpress_page(story: dict, maker: PageMaker) -> str:
    comments = "".join(f'<li class="comment"><time datetime="{story["published"].date()}">.</time>'
                       f"<p>{html.escape(maker.pick('quote'))}</p></li>" for _ in range(maker.rng.randint(0, 4)))
    return f"""<!DOCTYPE html><html lang="hi-IN"><head><meta charset="UTF-8"><title>{html.escape(story['title'])} – {story['site']}</title>
<meta property="article:published_time" content="{story['published'].isoformat()}"></head>
<body class="single-post"><header class="site-header">{story['site']}</header><main><article class="post">
<h1 class="entry-title">{html.escape(story['title'])}</h1><div class="entry-meta">द्वारा {story['author']}</div>
<div class="entry-content">{_paragraphs(story)}</div></article>
<ol class="comment-list">{comments}</ol><div id="respond"><h3>प्रतिक्रिया दें</h3>
<p>आपका ईमेल पता प्रकाशित नहीं किया जाएगा।</p></div></main></body></html>"""


def minimal_page(story: dict, maker: PageMaker) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{html.escape(story['title'])}</title></head><body>
<div id="c"><h2>{html.escape(story['title'])}</h2><div>{_hindi_date(story['published'], maker)} | लेखक: {story['author']}</div>
{_paragraphs(story)}</div></body></html>"""


def warc_record(headers: dict[str, str], payload: bytes) -> bytes:
    """One WARC/1.0 record: header block, blank line, payload, two CRLFs."""
    lines = ["WARC/1.0", *(f"{k}: {v}" for k, v in headers.items()), f"Content-Length: {len(payload)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


def response_record(url: str, page: str, when: datetime) -> bytes:
    body = page.encode("utf-8")
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: {len(body)}\r\n"
            f"Date: {when:%a, %d %b %Y %H:%M:%S GMT}\r\n\r\n").encode() + body
    return warc_record({"WARC-Type": "response", "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
                        "WARC-Date": f"{when:%Y-%m-%dT%H:%M:%SZ}", "WARC-Target-URI": url,
                        "Content-Type": "application/http; msgtype=response"}, http)


def warcinfo_record(when: datetime) -> bytes:
    info = b"software: khabar bench/make_warc.py\r\nformat: WARC File Format 1.0\r\n"
    return warc_record({"WARC-Type": "warcinfo", "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
                        "WARC-Date": f"{when:%Y-%m-%dT%H:%M:%SZ}", "Content-Type": "application/warc-fields"}, info)


def write_warc(out: Path, target_bytes: int, seed: int = 7, level: int = 6) -> int:
    """Write records until the file reaches ``target_bytes``; returns the page count.

    A name ending in ``.gz`` gets one gzip member per record; any other name gets a plain WARC.
    """
    maker = PageMaker(load_vocab(), seed)
    now = datetime.now(UTC).replace(microsecond=0)
    pages = 0

    def pack(record: bytes) -> bytes:
        return gzip.compress(record, compresslevel=level) if out.suffix == ".gz" else record

    with out.open("wb") as handle:
        handle.write(pack(warcinfo_record(now)))
        while handle.tell() < target_bytes:
            url, page = maker.page(pages)
            handle.write(pack(response_record(url, page, now)))
            pages += 1
            if pages % 20000 == 0:
                print(f"{pages} pages, {handle.tell() / 2**20:.0f} MiB", file=sys.stderr, flush=True)
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size-gb", type=float, default=1.0, help="file size to reach (compressed for .warc.gz)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--level", type=int, default=6, help="gzip level of each record")
    args = parser.parse_args()
    pages = write_warc(args.out, int(args.size_gb * 2**30), args.seed, args.level)
    print(f"wrote {pages} pages to {args.out} ({args.out.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
