"""Privacy headers and the in-process cache of rendered public pages."""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers


class PrivacyHeadersMiddleware:
    """No page of ours may be kept by the browser or a proxy between us and the visitor.

    A victim's device may be checked by the exploiter: `no-store` keeps pages out of
    the browser cache (and so out of Back/Forward restores), which history alone cannot.
    Shared caching in front of the app (nginx) is configured there, not through this header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response["Permissions-Policy"] = (
            "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


class PublicPageCacheMiddleware:
    """Serve anonymous public GET pages from a cache of their rendered bytes.

    Public pages are the same for every visitor and set no cookie, so rendering each
    once per language and path is enough. Anything with a cookie, a query string
    (search) or a non-GET method passes through untouched.
    """

    PREFIXES = ("/nl/", "/en/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or not self._cacheable_request(request):
            return self.get_response(request)
        key = f"public-page:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            patch_vary_headers(response, ("Cookie",))
            cache.set(key, response, seconds)
        return response

    def _cacheable_request(self, request) -> bool:
        return (
            request.method == "GET"
            and not request.GET
            and not request.COOKIES
            and request.path.startswith(self.PREFIXES)
        )
