"""Production: no defaults for secrets or hosts; HTTPS everywhere.

Reading SECRET_KEY or ALLOWED_HOSTS when unset raises ImproperlyConfigured,
so the app refuses to start rather than run with an insecure fallback.
"""

from wegwijzer.conf.base import *  # noqa: F403
from wegwijzer.conf.env import env, env_bool, env_list

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", help="Host names the app answers for.", required=True)
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True, help="Redirect HTTP to HTTPS.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000", help="HSTS max-age in seconds."))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
