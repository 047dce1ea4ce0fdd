"""Generate a corpus of varied Hindi news pages for the store/search benchmark, as a WARC.

Builds on ``make_warc.py`` (its page templates, sentences and WARC records) and adds what searching
needs: people with English names and roles (a third of first mentions carry a bracketed gloss),
organisations, quotations with named speakers, topic words drawn with Zipf weights (so some words are
in most pages and some in few), rare words, sentences with look-alike words that naive tokenising
confuses, a site name in every page, and near-duplicates: a share of the stories is published again
on another site, in another template, lightly edited, so duplicate clusters exist.

    python bench/make_corpus.py --pages 100000 corpus.warc.gz
"""

from __future__ import annotations

import argparse
import gzip
import html
import itertools
import sys
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_warc import (  # noqa: E402
    PageMaker,
    jsonld_page,
    load_vocab,
    minimal_page,
    response_record,
    warcinfo_record,
    wordpress_page,
)

CORPUS_VOCAB = Path(__file__).resolve().parent / "corpus_vocab.txt"
TEMPLATES = (jsonld_page, wordpress_page, minimal_page)
#: Share of pages that republish a recent story (another site, template and light edits).
DUPLICATE_SHARE = 0.05
#: How many recent stories a republished one is drawn from.
RECENT_STORIES = 500
PITFALL_SHARE = 0.08
RARE_SHARE = 0.02
QUOTE_SHARE = 0.5
GLOSS_SHARE = 0.33
ZIPF_EXPONENT = 1.0


@dataclass(frozen=True, slots=True)
class Person:
    """A person the pages talk about: Hindi name, English name and role."""

    name: str
    gloss: str
    role: str


def load_corpus_vocab(path: Path = CORPUS_VOCAB) -> dict[str, list[str]]:
    """``make_warc``'s vocabulary with the sections of ``corpus_vocab.txt`` added."""
    vocab = load_vocab()
    vocab.update(load_vocab(path))
    return vocab


def people(vocab: dict[str, list[str]]) -> list[Person]:
    return [Person(*line.split("|")) for line in vocab["person"]]


class CorpusMaker(PageMaker):
    """Pages with entities, quotations, Zipf-distributed topics, look-alike words and near-duplicates."""

    def __init__(self, vocab: dict[str, list[str]], seed: int, duplicate_share: float = DUPLICATE_SHARE) -> None:
        super().__init__(vocab, seed)
        self.people = people(vocab)
        topics = vocab["topic"]
        self.topic_weights = list(itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(topics))))
        self.duplicate_share = duplicate_share
        self.recent: deque[dict] = deque(maxlen=RECENT_STORIES)
        self.duplicates = 0

    def topic(self) -> str:
        return self.rng.choices(self.vocab["topic"], cum_weights=self.topic_weights)[0]

    def mention(self, person: Person) -> str:
        """A first mention: role and name, sometimes with the English name in brackets."""
        gloss = f" ({person.gloss})" if self.rng.random() < GLOSS_SHARE else ""
        return f"{person.role} {person.name}{gloss}"

    def sentence(self) -> str:
        kind = self.rng.randrange(4)
        if kind == 0:
            return super().sentence()
        if kind == 1:
            return (f"{self.mention(self.rng.choice(self.people))} ने {self.pick('place')} में "
                    f"{self.topic()} और {self.topic()} के मुद्दों पर बैठक की।")
        if kind == 2:
            return (f"{self.pick('org')} ने {self.topic()} से जुड़े {self.rng.randint(2, 90)} मामलों की "
                    f"समीक्षा {self.pick('time')} की।")
        return f"{self.pick('place')} में {self.topic()} को लेकर {self.pick('subject')} की रिपोर्ट आई।"

    def quotation(self) -> str:
        person = self.rng.choice(self.people)
        return f'{self.mention(person)} ने कहा, "{self.topic()} पर {self.pick("quote")}"'

    def paragraph(self) -> str:
        parts = [self.sentence() for _ in range(self.rng.randint(2, 4))]
        if self.rng.random() < QUOTE_SHARE:
            parts.append(self.quotation())
        if self.rng.random() < PITFALL_SHARE:
            parts.insert(self.rng.randrange(len(parts) + 1), self.pick("pitfall"))
        if self.rng.random() < RARE_SHARE:
            parts.append(f"इलाक़े में {self.pick('rare')} से जुड़ा मामला भी सामने आया।")
        return " ".join(parts)

    def story(self) -> dict:
        published = datetime(2019, 1, 1, tzinfo=UTC) + timedelta(minutes=self.rng.randint(0, 3_000_000))
        return {
            "title": f"{self.pick('place')}: {self.topic()} पर {self.pick('subject')} ने {self.pick('object')} "
                     f"{self.pick('verb')}",
            "author": self.pick("author"), "site": self.pick("site"), "published": published,
            "paragraphs": [self.paragraph() for _ in range(self.rng.randint(4, 12))],
        }

    def republished(self, story: dict) -> dict:
        """The same story on another site a little later: one paragraph dropped or one sentence added."""
        paragraphs = list(story["paragraphs"])
        if len(paragraphs) > 4 and self.rng.random() < 0.5:
            del paragraphs[self.rng.randrange(len(paragraphs))]
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {self.sentence()}"
        sites = [site for site in self.vocab["site"] if site != story["site"]]
        return {**story, "site": self.rng.choice(sites), "paragraphs": paragraphs,
                "published": story["published"] + timedelta(minutes=self.rng.randint(5, 2880))}

    def page(self, number: int) -> tuple[str, str]:
        """(url, html) of page ``number``; some pages republish a recent story."""
        if self.recent and self.rng.random() < self.duplicate_share:
            story = self.republished(self.rng.choice(self.recent))
            self.duplicates += 1
        else:
            story = self.story()
            self.recent.append(story)
        url = f"https://news{number % 50}.example/{story['published']:%Y/%m/%d}/story-{number}"
        page = self.rng.choice(TEMPLATES)(story, self)
        site_meta = f'<meta property="og:site_name" content="{html.escape(story["site"])}">'
        return url, page.replace("</head>", site_meta + "</head>", 1)


def write_corpus(out: Path, pages: int, seed: int = 11, level: int = 6) -> dict[str, int]:
    """Write ``pages`` pages as WARC response records (gzip member per record for ``.gz``).

    Returns how many pages and how many republished (near-duplicate) pages were written.
    """
    maker = CorpusMaker(load_corpus_vocab(), seed)
    now = datetime.now(UTC).replace(microsecond=0)

    def pack(record: bytes) -> bytes:
        return gzip.compress(record, compresslevel=level) if out.suffix == ".gz" else record

    with out.open("wb") as handle:
        handle.write(pack(warcinfo_record(now)))
        for number in range(pages):
            url, page = maker.page(number)
            handle.write(pack(response_record(url, page, now)))
    return {"pages": pages, "republished": maker.duplicates}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    written = write_corpus(args.out, args.pages, args.seed)
    print(f"wrote {written['pages']} pages ({written['republished']} republished) to {args.out} "
          f"({args.out.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
