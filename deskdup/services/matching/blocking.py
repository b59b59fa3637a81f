"""Which leads meet: ``MatchIndex``'s block keys, the candidates a lead's keys
find, and how generic its inquiry is (the tiers).

A mixin of ``MatchIndex`` (``index.py``), kept apart as the blocking step of
the matcher: it works on the index's ``blocks``, ``leads``, ``settings``, time
buckets (``_bucket_minutes``, ``_message_bucket``) and, in a one-shot build,
its key book (``_book``) and message band window (``_bands``).  ``build`` and
``refresh`` insert and remove leads through ``_insert`` / ``_remove``;
``_score_lead`` compares a lead with its ``_candidates``.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from deskdup.services.matching.inquiry import (
    ALONE_COUNT,
    PERSONAL_COUNT,
    is_personal_text,
    rarity,
)
from deskdup.services.matching.keys import (
    _band_hashes,
    _message_hashes,
    _name_hashes,
    _strong_hashes,
    _text_hash,
)
from deskdup.services.matching.record import _Lead
from deskdup.services.matching.settings import (
    _NARROW_OFFSETS,
    _WIDE_OFFSETS,
    STRONG_BLOCK_CAP,
    WEAK_BLOCK_CAP,
)


class Blocking:
    # ----------------------------------------------------------------- keys

    def _block_keys(self, rec: _Lead) -> tuple[int, ...]:
        """Every block key of a lead (distinct), time buckets mixed in."""
        if self._bands is not None:
            strong = _strong_hashes(rec)
            narrow, wide, _lookup = _name_hashes(rec, False)
            if self._book is not None:
                self._book.add(rec.id, strong, narrow, wide)
            return self._one_shot_keys(rec, strong, narrow, wide)
        narrow, wide, lookup_keys = _name_hashes(rec)
        bucket = int(rec.minute // self._bucket_minutes)
        message_bucket = int(rec.minute // self._message_bucket)
        text, bands = _message_hashes(rec)
        return (
            *_strong_hashes(rec),
            *[hash((base, bucket)) for base in narrow],
            *[hash((base, bucket)) for base in wide],
            *lookup_keys,
            *(() if text is None else (text, hash((text, message_bucket)))),
            *[hash((band, message_bucket)) for band in bands],
        )

    def _one_shot_keys(
        self, rec: _Lead, strong, narrow, wide, with_text: bool = True
    ) -> tuple[int, ...]:
        """A one-shot build's block keys of a lead from its strong keys and name
        key bases.  It keeps no band keys (``slide_bands``) and, as it answers
        no lookup, no lookup keys; nor the text key over all time: the tiers
        are counted apart (``tiers.py``), and nothing else asks for it.
        ``with_text=False``: without the text key per message bucket (a
        forked build inserts those last, ``build_workers.insert_all``)."""
        bucket = int(rec.minute // self._bucket_minutes)
        text = _text_hash(rec) if with_text else None
        return (
            *strong,
            *[hash((base, bucket)) for base in narrow],
            *[hash((base, bucket)) for base in wide],
            *(() if text is None else (hash((text, int(rec.minute // self._message_bucket))),)),
        )

    def _insert(self, rec: _Lead, keys: Iterable[int] | None = None) -> None:
        data = self.blocks.data
        lead_id = rec.id
        # Blocks.add inlined: this loop runs once per key of every lead of a build.
        # A lead's keys are distinct, so it is never added twice under one key
        # (a membership test here would make common-name blocks quadratic).
        for key in self._block_keys(rec) if keys is None else keys:
            current = data.get(key)
            if current is None:
                data[key] = lead_id
            elif current.__class__ is int:
                data[key] = [current, lead_id]
            else:
                current.append(lead_id)

    def _insert_pairs(self, pairs: Iterable[tuple[int, int]]) -> None:
        """``_insert`` of each (lead id, key) in turn: a build's keys worked
        out elsewhere (a lead's keys distinct, as ``_insert`` takes them).
        Its own copy of the loop: ``_insert`` made a call of this per lead
        (``zip(repeat(id), keys)``) took longer (0.32-0.47 -> 0.47-0.53 s for
        1.2M keys, measured), on the path of every lead of a window's build."""
        data = self.blocks.data
        for lead_id, key in pairs:
            current = data.get(key)
            if current is None:
                data[key] = lead_id
            elif current.__class__ is int:
                data[key] = [current, lead_id]
            else:
                current.append(lead_id)

    def _remove(self, rec: _Lead, keys: Iterable[int] | None = None) -> None:
        for key in self._block_keys(rec) if keys is None else keys:
            self.blocks.remove(key, rec.id)

    def _candidates(self, rec: _Lead) -> set[int]:
        book = self._book
        if book is None:
            strong = _strong_hashes(rec)
            narrow, wide, _lookup = _name_hashes(rec, False)
        else:
            strong, narrow, wide = book.get(rec.id)
        bucket = int(rec.minute // self._bucket_minutes)
        data = self.blocks.data
        out: set[int] = set()
        for key in strong:
            members = data.get(key)
            if (
                members is not None
                and members.__class__ is not int
                and len(members) <= STRONG_BLOCK_CAP
            ):
                out.update(members)
        for bases, offsets in ((narrow, _NARROW_OFFSETS), (wide, _WIDE_OFFSETS)):
            for base in bases:
                same = data.get(hash((base, bucket)))
                if same is not None and same.__class__ is not int and len(same) > WEAK_BLOCK_CAP:
                    continue
                for offset in offsets:
                    members = same if offset == 0 else data.get(hash((base, bucket + offset)))
                    if members is None:
                        continue
                    if members.__class__ is int:
                        out.add(members)
                    elif len(members) <= WEAK_BLOCK_CAP:
                        out.update(members)
        if rec.tier != "personal" and rec.message:
            # The same text, which many send on other days (or too short to
            # be personal), but no one else or a few others around then (rare,
            # few: within the burst window): its copies in these hours pair.
            # A text more others sent around then (common, a template) pairs
            # only its copies from other channels within the burst window; the
            # model weighs them by the text's tier.
            text = _text_hash(rec)
            message_bucket = int(rec.minute // self._message_bucket)
            rare = rec.tier in ("rare", "few")
            leads = self.leads
            window = self.settings.burst_minutes
            for offset in _NARROW_OFFSETS:
                members = data.get(hash((text, message_bucket + offset)))
                if members is None:
                    continue
                if members.__class__ is int:
                    members = (members,)
                elif len(members) > WEAK_BLOCK_CAP:
                    continue
                if rare:
                    out.update(members)
                    continue
                for other in members:
                    other_rec = leads.get(other)
                    if (
                        other_rec is not None
                        and other_rec.channel is not rec.channel
                        and abs(other_rec.minute - rec.minute) <= window
                    ):
                        out.add(other)
        if rec.tier == "personal":
            # Near-identical messages within the name horizon, whatever else the
            # leads show.  Only personal texts: a common text with the burst and
            # nothing else stays under the likely threshold (0.545), and pairing
            # every lead with all that sent a common text in those hours would be
            # most of a scan's work; such a pair is scored (and may be possible)
            # when a name or an identifier makes it a candidate.
            leads = self.leads
            message_bucket = int(rec.minute // self._message_bucket)
            window = self._bands
            if window is not None:
                # A one-shot build: the buckets hold only personal leads, and
                # no band over the cap (``slide_bands``).
                here = window.get(message_bucket)
                own = getattr(here, "own", None)
                own_bands = _band_hashes(rec) if own is None else own.get(rec.id, ())
                if own_bands:
                    rec_id = rec.id
                    # The lists under the lead's bands, band by band, bucket by
                    # bucket: its own bucket's always hold the lead itself.
                    # (Zipped in C: most of these lookups miss.)
                    per_bucket = [
                        map(bands.get, own_bands)
                        for offset in _NARROW_OFFSETS
                        if (bands := window.get(message_bucket + offset))
                    ]
                    found = list(filter(None, chain.from_iterable(zip(*per_bucket, strict=True))))
                    for members in found:
                        if len(members) > 1 or members[0] != rec_id:
                            # A near copy: everyone under the lead's bands.
                            out.update(*found)
                            break
                    else:
                        if found:
                            # No near copy: the bands meet only the lead
                            # itself (as the update above would add it).
                            out.add(rec_id)
                out.discard(rec.id)
                return out
            for band in _band_hashes(rec):
                for offset in _NARROW_OFFSETS:
                    members = data.get(hash((band, message_bucket + offset)))
                    if members is None:
                        continue
                    if members.__class__ is int:
                        members = (members,)
                    elif len(members) > WEAK_BLOCK_CAP:
                        continue
                    for other in members:
                        other_rec = leads.get(other)
                        if other_rec is not None and other_rec.tier == "personal":
                            out.add(other)
        out.discard(rec.id)
        return out

    # ----------------------------------------------------------------- rarity

    def _tier_of(self, rec: _Lead) -> str:
        """How generic the lead's inquiry text is (``inquiry.rarity``).  Personal:
        a question of one person's words that few leads sent in the hours around
        the lead (its message bucket and the neighbouring ones) and few at any
        time.  Any other text (a template, a marketplace's default question, a
        form's preset, one too short to say something of one person) is told by
        how many leads sent it within the burst window around the lead, the
        scale of a burst: rare when no one else did (the lead and one other at
        most), few up to ``inquiry.PERSONAL_COUNT``, then common, then a
        template (an ad's line while the ad runs)."""
        text = _text_hash(rec)
        if text is None:
            return "personal"
        bucket = int(rec.minute // self._message_bucket)
        get = self.blocks.get
        # (Blocks.get inlined: this runs for every lead with a message.)
        data = self.blocks.data
        near = 0
        for offset in _NARROW_OFFSETS:
            members = data.get(hash((text, bucket + offset)))
            if members is not None:
                near += 1 if members.__class__ is int else len(members)
        overall = len(get(text))
        if near <= PERSONAL_COUNT and overall <= PERSONAL_COUNT and is_personal_text(rec.message):
            return "personal"  # (``rarity`` of both: "personal")
        if near <= ALONE_COUNT:
            return "rare"
        leads, minute = self.leads, rec.minute
        window = self.settings.burst_minutes
        close = 0
        for offset in _NARROW_OFFSETS:
            for other in get(hash((text, bucket + offset))):
                other_rec = leads.get(other)
                if other_rec is not None and abs(other_rec.minute - minute) <= window:
                    close += 1
        if close <= ALONE_COUNT:
            return "rare"
        tier = rarity(close)
        return "few" if tier == "personal" else tier

    def _retier(self, texts: Iterable[tuple[int, int]], spread: Iterable[int]) -> set[int]:
        """Set the tier of every lead whose counts may have moved: those around
        (text, message bucket) of ``texts``, and every lead of the texts in
        ``spread`` (whose count over all time crossed a tier); the ids whose tier moved."""
        moved: set[int] = set()
        leads = self.leads
        seen: set[int] = set()
        get = self.blocks.get
        groups = [get(hash((t, b + o))) for t, b in texts for o in _NARROW_OFFSETS]
        groups.extend(get(text) for text in spread)
        for members in groups:
            for lead_id in members:
                rec = leads.get(lead_id)
                if rec is None or lead_id in seen:
                    continue
                seen.add(lead_id)
                tier = self._tier_of(rec)
                if tier != rec.tier:
                    rec.tier = tier
                    moved.add(lead_id)
        return moved
