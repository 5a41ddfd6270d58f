"""Scale benchmark: N listings resampled from real texts, half needs and half capabilities.

Each size runs in a fresh subprocess so its peak RSS is its own. Per listing, a synthetic text keeps
the word length of a random real text (the length distribution) and is assembled from 8-word
windows of random real texts of the same language (real vocabulary, no exact duplicates).
Tokens are computed before the timed part (they are cached at save time); embeddings are the
base text's real USE vector plus small noise (encoding 100k texts would take minutes, and the
matrix products cost the same whatever the values). tokenise_ms / embed_ms are measured on real
calls. A re-rank is the top 20 for one need listing with the first 5 explained (the proposals kept);
an edit re-rank is what a save does: tokenise and embed the edited text (a real encoder call), then
rank it against the warm model, which carries history (each firm linked to a few institutions).
Run: python -m matching.engine.bench --size 10000 [--from FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.neighbors import NearestNeighbors

from .embed import embed_texts
from .exchange import read_exchange
from .model import fit
from .ranking import rank_query
from .text import detect_lang
from .tokens import tokenize
from .topk import topk_both_ways
from .types import Dataset, Link, Listing, Organization

SAMPLE = Path(__file__).with_name("data") / "bench_sample.jsonl.gz"
LISTINGS_PER_ORG = 10
K = 20
EXPLAINED = 5  # a re-rank keeps (and explains) at most N = 5 proposals per need


def _pool(path: Path) -> list[tuple[str, str]]:
    data = read_exchange(path)
    seen, out = set(), []
    for lst in data.listings:
        if lst.text and lst.text not in seen:
            seen.add(lst.text)
            out.append((lst.text, lst.lang or detect_lang(lst.text)))
    return out


def synthesize(pool: list[tuple[str, str]], n: int, seed: int = 0) -> tuple[list[str], list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    words = [t.split() for t, _ in pool]
    langs = np.array([lang for _, lang in pool])
    by_lang = {lang: np.flatnonzero(langs == lang) for lang in set(langs)}
    texts, out_langs, base_idx = [], [], np.empty(n, dtype=np.int64)
    for i in range(n):
        b = int(rng.integers(len(pool)))
        same = by_lang[langs[b]]
        target, buf = len(words[b]), []
        while len(buf) < target:
            src = words[int(same[rng.integers(len(same))])]
            start = int(rng.integers(max(len(src) - 8, 1)))
            buf.extend(src[start:start + 8] or ["x"])
        texts.append(" ".join(buf[:target]))
        out_langs.append(langs[b])
        base_idx[i] = b
    return texts, out_langs, base_idx


def run_size(n: int, source: Path, baseline: bool = True) -> dict[str, object]:
    pool = _pool(source)
    texts, langs, base = synthesize(pool, n)
    rng = np.random.default_rng(1)
    sample = rng.choice(n, size=min(300, n), replace=False)
    tokenize("한국어 형태소 분석기 준비")  # load Kiwi outside the timing
    t0 = time.perf_counter()
    for i in sample:
        tokenize(texts[i])
    tokenise_ms = (time.perf_counter() - t0) * 1000 / len(sample)
    tokens = [tokenize(t) for t in texts]  # the save-time cache, untimed
    emb_sample = [texts[i] for i in sample[:128]]
    embed_texts(emb_sample[:8])  # load the model outside the timing
    t0 = time.perf_counter()
    embed_texts(emb_sample)
    embed_ms = (time.perf_counter() - t0) * 1000 / len(emb_sample)
    pool_E = embed_texts([t for t, _ in pool])
    E = pool_E[base] + rng.normal(0, 0.02, size=(n, pool_E.shape[1])).astype(np.float32)
    E /= np.linalg.norm(E, axis=1, keepdims=True)
    n_orgs = max(2, n // LISTINGS_PER_ORG)
    orgs = {f"o{j}": Organization(id=f"o{j}", kind="firm" if j % 2 == 0 else "hospital") for j in range(n_orgs)}
    listings = []
    for i in range(n):
        side = "need" if i % 2 == 0 else "capability"
        owner = 2 * int(rng.integers(n_orgs // 2)) + (0 if side == "need" else 1)
        listings.append(Listing(id=f"l{i}", org=f"o{min(owner, n_orgs - 1)}", side=side, title="",
                                description=texts[i], lang=langs[i]))
    hist_rng = np.random.default_rng(2)  # history: each firm linked to 3 random institutions
    links = [Link(a=f"o{j}", b=f"o{2 * int(hist_rng.integers(n_orgs // 2)) + 1}")
             for j in range(0, n_orgs, 2) for _ in range(3) if n_orgs > 1]
    data = Dataset(orgs=orgs, listings=listings, links=[ln for ln in links if ln.b in orgs])
    t0 = time.perf_counter()
    model = fit(data, tokens=tokens, embeddings=E)
    fit_s = time.perf_counter() - t0
    X = model.vectors.X
    need = np.arange(0, n, 2)
    cap = np.arange(1, n, 2)
    lang_arr = np.array(langs)
    t0 = time.perf_counter()
    topk_both_ways(X[need], X[cap], K, En=E[need], Ec=E[cap], lang_n=lang_arr[need], lang_c=lang_arr[cap])
    topk_s = time.perf_counter() - t0
    lat = []
    for i in rng.choice(need, size=min(200, len(need)), replace=False):
        q = model.org_index[listings[i].org]
        t0 = time.perf_counter()
        rank_query(model, q, [int(i)], top=K, explain=EXPLAINED)
        lat.append((time.perf_counter() - t0) * 1000)
    edit = []
    for i in rng.choice(need, size=min(100, len(need)), replace=False):
        src = texts[int(rng.integers(n))]  # the edit: another real-vocabulary text
        edited = Listing(id=listings[i].id, org=listings[i].org, side="need", description=src, lang=langs[i])
        t0 = time.perf_counter()
        model.rank_for_listing(edited, top=K, explain=EXPLAINED)
        edit.append((time.perf_counter() - t0) * 1000)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the engine's peak, before the baseline
    base_s = _baseline(X[need], X[cap]) if baseline else None
    return {
        "listings": n, "mean_tokens": round(float(np.mean([len(t) for t in tokens])), 1),
        "vocab": int(X.shape[1]), "nnz_per_row": round(X.nnz / X.shape[0], 1),
        "tokenise_ms": round(tokenise_ms, 3), "embed_ms": round(embed_ms, 2), "fit_s": round(fit_s, 2),
        "topk_all_s": round(topk_s, 2), "rerank_p50_ms": round(float(np.percentile(lat, 50)), 1),
        "rerank_p95_ms": round(float(np.percentile(lat, 95)), 1),
        "edit_rerank_p50_ms": round(float(np.percentile(edit, 50)), 1),
        "edit_rerank_p95_ms": round(float(np.percentile(edit, 95)), 1),
        "peak_rss_mb": round(peak_mb),
        "baseline_topk_s": None if base_s is None else round(base_s, 2),
        "baseline_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _baseline(Xn: sp.csr_matrix, Xc: sp.csr_matrix) -> float:
    """sklearn brute-force cosine kNN, both directions, on the same TF-IDF matrix (it works in
    memory-bounded chunks itself, so it fits the budget; it is just slower)."""
    t0 = time.perf_counter()
    NearestNeighbors(n_neighbors=K, metric="cosine", algorithm="brute").fit(Xc).kneighbors(Xn)
    NearestNeighbors(n_neighbors=K, metric="cosine", algorithm="brute").fit(Xn).kneighbors(Xc)
    return time.perf_counter() - t0


def run_bench(sizes: list[int], source: Path | None = None, baseline: bool = True) -> Iterator[dict]:
    """One fresh interpreter per size (clean peak RSS); yields each size's dict as it finishes."""
    for n in sizes:
        cmd = [sys.executable, "-m", "matching.engine.bench", "--size", str(n), "--from", str(source or SAMPLE)]
        if not baseline:
            cmd.append("--no-baseline")
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603 - our module
        if proc.returncode != 0:
            raise RuntimeError(f"bench size {n} failed: {proc.stderr.strip()[-800:]}")
        yield json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, required=True)
    ap.add_argument("--from", dest="source", default=str(SAMPLE))
    ap.add_argument("--no-baseline", action="store_true")
    a = ap.parse_args()
    print(json.dumps(run_size(a.size, Path(a.source), baseline=not a.no_baseline)))
