"""Tests and CI: the dev defaults, without the page cache so every test sees fresh output."""

import os

os.environ.setdefault("SECRET_KEY", "ci-only-insecure-key-not-for-production")
os.environ.setdefault("IDENTIFIER_KEY", "ci-only-identifier-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("PUBLIC_PAGE_CACHE_SECONDS", "0")

from wegwijzer.conf.base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
