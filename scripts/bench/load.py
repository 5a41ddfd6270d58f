"""Drive wrk against a running ClusterLink server: sign the demo logins in, check every page answers 200
for its user, then measure each page at N concurrent connections beside the ceiling page and print a
markdown table. Used by scripts/bench/load.sh (which starts the server); runnable on its own:

    .venv/bin/python scripts/bench/load.py --base http://127.0.0.1:8790 --duration 20 --users 20
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
PASSWORD = "clusterlink-demo"  # noqa: S105 - the demo's published password
DOMAIN = "demo.clusterlink.kr"
TARGET_SHARE, TARGET_P95_MS = 0.40, 300.0


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    login: str  # local part of the demo login that opens it


CEILING = Page("ceiling: /privacy/ (static page, full middleware and layout)", "/privacy/", "startup")
PAGES = [
    Page("proposals (founder)", "/listings/proposals/", "startup"),
    Page("review queue (TTO)", "/matches/review/", "tto"),
    Page("events list", "/events/", "startup"),
    Page("directory search (q=바이오)", "/organizations/?q=%EB%B0%94%EC%9D%B4%EC%98%A4", "startup"),
    Page("cluster dashboard (manager)", "/clusters/hongneung/dashboard/", "manager"),
]


def sign_in(base: str, host: str, login: str) -> str:
    """The session cookie of a demo login, signed in through the login form as a browser would.

    Cookies are carried by hand: under production settings they are Secure, and the benchmark speaks
    plain HTTP to gunicorn with the X-Forwarded-Proto header a TLS-terminating proxy would add.
    """
    headers = {"Host": host, "X-Forwarded-Proto": "https", "Referer": f"https://{host}/accounts/login/"}
    r = requests.get(f"{base}/accounts/login/", headers=headers, timeout=30)
    r.raise_for_status()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.text)
    csrf = r.cookies.get("csrftoken")
    if token is None or not csrf:
        sys.exit("load: no CSRF token on the login page")
    r = requests.post(f"{base}/accounts/login/", headers={**headers, "Cookie": f"csrftoken={csrf}"},
                      allow_redirects=False, timeout=30,
                      data={"csrfmiddlewaretoken": token.group(1), "email": f"{login}@{DOMAIN}", "password": PASSWORD})
    session = r.cookies.get("sessionid")
    if r.status_code != 302 or not session:
        sys.exit(f"load: signing in {login}@{DOMAIN} failed ({r.status_code})")
    return f"sessionid={session}; csrftoken={r.cookies.get('csrftoken') or csrf}"


def check(base: str, host: str, page: Page, cookie: str) -> None:
    r = requests.get(base + page.path, headers={"Host": host, "X-Forwarded-Proto": "https", "Cookie": cookie},
                     allow_redirects=False, timeout=60)
    if r.status_code != 200:
        sys.exit(f"load: {page.path} as {page.login} answered {r.status_code}, not 200")


def measure(base: str, host: str, page: Page, cookie: str, *, users: int, duration: int, threads: int) -> dict:
    env = {**os.environ, "BENCH_COOKIE": cookie, "BENCH_HOST": host}
    cmd = ["wrk", f"-t{min(threads, users)}", f"-c{users}", f"-d{duration}s", "--timeout", "60s",
           "-s", str(HERE / "percentiles.lua"), base + page.path]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in out.splitlines() if line.startswith("{"))
    return json.loads(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8790")
    parser.add_argument("--host", default="localhost", help="Host header (one of ALLOWED_HOSTS)")
    parser.add_argument("--users", type=int, default=20, help="concurrent connections (default 20)")
    parser.add_argument("--duration", type=int, default=20, help="seconds per page (default 20)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page, not counted")
    parser.add_argument("--only", default="", help="measure only the pages whose name holds this (and the ceiling)")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    pages = [CEILING, *[p for p in PAGES if args.only in p.name]]
    cookies = {login: sign_in(args.base, args.host, login) for login in sorted({p.login for p in pages})}
    results = {}
    for page in pages:
        check(args.base, args.host, page, cookies[page.login])
        if args.warmup:
            measure(args.base, args.host, page, cookies[page.login], users=args.users, duration=args.warmup,
                    threads=args.threads)
        results[page.name] = measure(args.base, args.host, page, cookies[page.login], users=args.users,
                                     duration=args.duration, threads=args.threads)
        print(f"load: {page.name}: {results[page.name]}", file=sys.stderr)
    ceiling = results[CEILING.name]["rps"] or 1.0
    print(f"\n{args.users} concurrent users, {args.duration} s per page, gunicorn behind {args.base}\n")
    print("| page | req/s | % of ceiling | p50 (ms) | p95 (ms) | target |")
    print("|---|---:|---:|---:|---:|---|")
    missed = 0
    for page in pages:
        r = results[page.name]
        share = r["rps"] / ceiling
        ok = page is CEILING or (share >= TARGET_SHARE and r["p95_ms"] < TARGET_P95_MS and not r["errors"])
        missed += not ok
        errors = f", {r['errors']} errors" if r["errors"] else ""
        print(f"| {page.name} | {r['rps']:.1f} | {100 * share:.0f}% | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | "
              f"{'met' if ok else 'MISSED'}{errors} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
