"""Development: convenient defaults, never used in production."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-not-for-production")
os.environ.setdefault("IDENTIFIER_KEY", "dev-only-identifier-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from wegwijzer.conf.base import *  # noqa: E402,F403
