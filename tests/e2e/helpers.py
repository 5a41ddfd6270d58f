"""Steps the browser tests share."""

import re

from tests.factories import PASSWORD


def sign_in(page, base: str, email: str) -> None:
    """Sign in through the login page and wait until it has left it."""
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]:has-text('Sign in')")
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/).*$"))
