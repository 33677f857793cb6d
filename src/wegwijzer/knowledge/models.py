"""Knowledge pages as loaded from the content files; the files are the source of truth."""

from functools import lru_cache

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


class Page(models.Model):
    key = models.SlugField(_("key"), help_text=_("Shared by a page and its translations."))
    language = models.CharField(_("language"), max_length=8)
    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    order = models.PositiveIntegerField(_("order"), default=0)
    checked = models.DateField(_("content last checked"))
    body_html = models.TextField(_("body (HTML)"))

    class Meta:
        ordering = ["language", "order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="page_key_language_unique"),
            models.UniqueConstraint(fields=["language", "slug"], name="page_language_slug_unique"),
        ]
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")

    def __str__(self):
        return f"{self.title} ({self.language})"

    def get_absolute_url(self):
        return page_url(self.slug, self.language)


@lru_cache(maxsize=1024)
def page_url(slug: str, language: str) -> str:
    """A page's address; remembered, as URL patterns do not change while the app runs."""
    with override(language):
        return reverse("knowledge:page", kwargs={"slug": slug})


class Source(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sources")
    position = models.PositiveIntegerField(_("position"))
    organisation = models.CharField(_("organisation"), max_length=200)
    publication = models.CharField(_("publication"), max_length=300)
    year = models.PositiveIntegerField(_("year"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    url = models.URLField(_("address"), blank=True)

    class Meta:
        ordering = ["page", "position"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.organisation}, {self.publication} ({self.year})"


class Section(models.Model):
    """A searchable stretch of a page: the text under one level-2 heading."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sections")
    language = models.CharField(_("language"), max_length=8, db_index=True)
    position = models.PositiveIntegerField(_("position"))
    anchor = models.CharField(_("anchor"), max_length=200, blank=True)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("plain text"))
    # Normalised words without stop words; each database stems them itself.
    index_title = models.TextField(_("indexed title words"))
    index_body = models.TextField(_("indexed body words"))

    class Meta:
        ordering = ["page", "position"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.heading or self.page.title


class ContentRelease(models.Model):
    """Which version of the content files is loaded; a reload of the same files is a no-op."""

    digest = models.CharField(_("digest"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)
    pages = models.PositiveIntegerField(_("pages"))

    class Meta:
        ordering = ["-loaded_at"]
        get_latest_by = "loaded_at"
        verbose_name = _("content release")
        verbose_name_plural = _("content releases")

    def __str__(self):
        return f"{self.digest[:12]} ({self.loaded_at:%Y-%m-%d %H:%M})"
