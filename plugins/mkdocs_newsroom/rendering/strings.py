"""The words of the plugin's pages, in English, Pashto and Dari (and Persian), falling back to
English. Dates are Babel's (dates.py); these are the interface strings around them."""

from __future__ import annotations

ENGLISH = {
    "by": "By",
    "and": "and",
    "updated": "Updated",
    "min_read": "min read",
    "newer": "Newer",
    "older": "Older",
    "page_of": "Page {number} of {count}",
    "pages": "Pages",
    "related": "Related",
    "tag": "Tag",
    "tags": "Tags",
    "authors": "Authors",
    "archive": "Archive",
    "latest": "Latest",
    "top_stories": "Top stories",
    "breaking": "Breaking",
    "corrections": "Corrections",
    "previous_in": "Previous in {section}",
    "next_in": "Next in {section}",
    "more_in": "More in {section}",
    "article_count_one": "{count} article",
    "article_count": "{count} articles",
    "tag_count": "{count} tags",
    "nothing_yet": "Nothing has been published here yet.",
    "all_by_date": "All articles by date",
    "read_in": "Read in",
    "home": "Home",
}

PASHTO = {
    "by": "لیکوال:",
    "and": "او",
    "updated": "تازه شوی",
    "min_read": "دقیقې لوستل",
    "newer": "نوي",
    "older": "زاړه",
    "page_of": "{number} مخ له {count}",
    "pages": "مخونه",
    "related": "اړوند خبرونه",
    "tag": "ټګ",
    "tags": "ټګونه",
    "authors": "لیکوالان",
    "archive": "آرشیف",
    "latest": "وروستي خبرونه",
    "top_stories": "مهم خبرونه",
    "breaking": "تازه خبر",
    "corrections": "سمونې",
    "previous_in": "په {section} کې مخکینی",
    "next_in": "په {section} کې بل",
    "more_in": "نور په {section} کې",
    "article_count_one": "{count} لیکنه",
    "article_count": "{count} لیکنې",
    "tag_count": "{count} ټګونه",
    "nothing_yet": "دلته تر اوسه څه نه دي خپاره شوي.",
    "all_by_date": "ټولې لیکنې د نېټې له مخې",
    "read_in": "په دې ژبه یې ولولئ:",
    "home": "کور",
}

DARI = {
    "by": "نویسنده:",
    "and": "و",
    "updated": "به‌روز شده",
    "min_read": "دقیقه مطالعه",
    "newer": "جدیدتر",
    "older": "قدیمی‌تر",
    "page_of": "صفحهٔ {number} از {count}",
    "pages": "صفحه‌ها",
    "related": "مطالب مرتبط",
    "tag": "برچسپ",
    "tags": "برچسپ‌ها",
    "authors": "نویسندگان",
    "archive": "آرشیف",
    "latest": "تازه‌ترین‌ها",
    "top_stories": "خبرهای مهم",
    "breaking": "خبر فوری",
    "corrections": "اصلاحات",
    "previous_in": "قبلی در {section}",
    "next_in": "بعدی در {section}",
    "more_in": "بیشتر در {section}",
    "article_count_one": "{count} مطلب",
    "article_count": "{count} مطلب",
    "tag_count": "{count} برچسپ",
    "nothing_yet": "هنوز چیزی اینجا نشر نشده است.",
    "all_by_date": "همهٔ مطالب به ترتیب تاریخ",
    "read_in": "خواندن به زبان:",
    "home": "خانه",
}

STRINGS: dict[str, dict[str, str]] = {"en": ENGLISH, "ps": PASHTO, "prs": DARI, "fa": DARI}


def translate(key: str, locale: str = "en", **values: object) -> str:
    """The string `key` in `locale` (`ps`, `prs`, `fa_AF`, `fa-AF`...), else in English."""
    language = locale.replace("_", "-").split("-")[0].lower()
    if locale.replace("_", "-").lower() == "fa-af":
        language = "prs"
    table = STRINGS.get(language, ENGLISH)
    text = table.get(key) or ENGLISH[key]
    return text.format(**values) if values else text


def count_articles(count: int, locale: str = "en") -> str:
    return translate("article_count_one" if count == 1 else "article_count", locale, count=count)
