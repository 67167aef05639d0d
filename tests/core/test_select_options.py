"""Options built in Python (the header's country picker) escape what they show."""

from marketplace.core.html import select_options


def test_the_selected_option_is_marked_and_the_others_are_not():
    html = select_options([("FR", "France"), ("GB", "Royaume-Uni")], "GB")
    assert html == (
        '<option value="FR">France</option><option value="GB" selected>Royaume-Uni</option>'
    )


def test_hostile_values_and_labels_are_escaped():
    html = select_options([('"><script>x</script>', "<img src=x onerror=alert(1)>")], None)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
