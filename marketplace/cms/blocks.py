"""StreamField blocks shared by every editorial page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Said by"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = ParagraphBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "cms/blocks/question.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every editorial page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    question = QuestionBlock()
