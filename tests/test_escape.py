from dashboard.text.escape import markdown_text

PROBE = "Kidal ${alert(1)} </script><img src=x onerror=alert(1)> \\u"


def test_probe_title_is_inert_markdown():
    out = markdown_text(PROBE)
    assert "<img" not in out and "</script>" not in out
    assert "\\$" in out and "&lt;img" in out
    assert "\\\\u" in out  # the backslash itself is escaped, shown as one backslash


def test_links_and_images_do_not_render():
    assert markdown_text("![x](http://evil.example/a.png)") == "\\!\\[x\\]\\(http\\:\\/\\/evil\\.example\\/a\\.png\\)".replace("\\/", "/")
    assert markdown_text("Anéfis, Kidal Region") == "Anéfis, Kidal Region"
