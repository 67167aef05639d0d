"""Product templates per craft: item names, variants, sizes, weights and prices.

A product title is an item name followed by a variant, in each language of ``data.LANGS``.
Variant texts that start with a comma are glued to the item name without a space.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    """A colour, finish or size, with the materials and techniques it adds."""

    text: tuple
    materials: tuple = ()
    techniques: tuple = ()
    scale: float = 1.0


@dataclass(frozen=True)
class Item:
    """A kind of piece: size ranges in cm, price range in MAD, weight range in kg.

    With ``per_m2`` the price range is per square metre and the weight is ``density`` kg/m².
    With ``round`` the width equals the length (a diameter).
    """

    name: tuple
    size: tuple
    price: tuple
    weight: tuple = (0.0, 0.0)
    per_m2: bool = False
    density: float = 0.0
    round: bool = False
    materials: tuple | None = None
    techniques: tuple | None = None
    unique: float | None = None
    hs_code: str = ""
    variants: tuple | None = None


@dataclass(frozen=True)
class Craft:
    """A leaf category of the craft tree and how its products are made up."""

    key: str
    category: str
    hs_code: str
    share: int
    unique: float
    image_style: str
    blurb: tuple
    activity: tuple
    materials: tuple
    techniques: tuple
    items: tuple
    variants: tuple
    price_bounds: tuple = (0, 10**6)


def v(en, fr, ar, es, materials=(), techniques=(), scale=1.0):
    """Shorthand for a variant."""
    return Variant((en, fr, ar, es), tuple(materials), tuple(techniques), scale)


DYED = ("natural-dyes",)

RUG_COLOURS = (
    v(
        "in ivory and black",
        ", tons ivoire et noir",
        "باللونين العاجي والأسود",
        "en tonos marfil y negro",
    ),
    v(
        "in saffron and indigo",
        ", tons safran et indigo",
        "باللونين الزعفراني والنيلي",
        "en tonos azafrán e índigo",
        DYED,
    ),
    v(
        "in henna red and orange",
        ", tons rouge henné et orange",
        "باللونين الأحمر الحنائي والبرتقالي",
        "en tonos rojo alheña y naranja",
        DYED,
    ),
    v(
        "in cream and caramel",
        ", tons crème et caramel",
        "باللونين الكريمي والكراميلي",
        "en tonos crema y caramelo",
    ),
    v(
        "in pink and violet",
        ", tons rose et violet",
        "باللونين الوردي والبنفسجي",
        "en tonos rosa y violeta",
        DYED,
    ),
    v(
        "in natural undyed wool",
        ", laine naturelle non teinte",
        "بالصوف الطبيعي غير المصبوغ",
        "en lana natural sin teñir",
    ),
    v(
        "in indigo and white",
        ", tons indigo et blanc",
        "باللونين النيلي والأبيض",
        "en tonos índigo y blanco",
        DYED,
    ),
)

TEXTILE_COLOURS = (
    v(
        "in indigo and white",
        ", tons indigo et blanc",
        "باللونين النيلي والأبيض",
        "en tonos índigo y blanco",
    ),
    v("in red and gold", ", tons rouge et or", "باللونين الأحمر والذهبي", "en tonos rojo y oro"),
    v(
        "in cream and blue",
        ", tons crème et bleu",
        "باللونين الكريمي والأزرق",
        "en tonos crema y azul",
    ),
    v(
        "in black and green",
        ", tons noir et vert",
        "باللونين الأسود والأخضر",
        "en tonos negro y verde",
    ),
    v("in white on white", ", blanc sur blanc", "بالأبيض على الأبيض", "en blanco sobre blanco"),
)

CERAMIC_STYLES = (
    v("in Fez blue", ", bleu de Fès", "بالأزرق الفاسي", "en azul de Fez"),
    v(
        "in Safi polychrome",
        ", polychrome de Safi",
        "بألوان آسفي المتعددة",
        "en policromía de Safí",
    ),
    v(
        "with Tamegroute green glaze",
        ", glaçure verte de Tamegroute",
        "بالطلاء الأخضر التامكروتي",
        "con vidriado verde de Tamegrut",
    ),
    v(
        "in ochre and black",
        ", tons ocre et noir",
        "باللونين الأصفر الترابي والأسود",
        "en tonos ocre y negro",
    ),
    v(
        "in turquoise and white",
        ", tons turquoise et blanc",
        "باللونين الفيروزي والأبيض",
        "en tonos turquesa y blanco",
    ),
    v(
        "in honey and brown",
        ", tons miel et brun",
        "باللونين العسلي والبني",
        "en tonos miel y marrón",
    ),
)

ZELLIGE_COLOURS = (
    v(
        "in cobalt blue and white",
        ", tons bleu cobalt et blanc",
        "باللونين الأزرق الكوبالتي والأبيض",
        "en tonos azul cobalto y blanco",
    ),
    v(
        "in emerald green and white",
        ", tons vert émeraude et blanc",
        "باللونين الأخضر الزمردي والأبيض",
        "en tonos verde esmeralda y blanco",
    ),
    v(
        "in honey and black",
        ", tons miel et noir",
        "باللونين العسلي والأسود",
        "en tonos miel y negro",
    ),
    v(
        "in turquoise and terracotta",
        ", tons turquoise et terre cuite",
        "باللونين الفيروزي والآجري",
        "en tonos turquesa y terracota",
    ),
    v(
        "in a multicolour Fez pattern",
        ", motif fassi multicolore",
        "بزخرفة فاسية متعددة الألوان",
        "con motivo fasí multicolor",
    ),
)

LEATHER_COLOURS = (
    v(
        "in natural tan",
        ", coloris fauve naturel",
        "باللون البني الفاتح الطبيعي",
        "en color cuero natural",
    ),
    v(
        "in saffron yellow",
        ", coloris jaune safran",
        "باللون الأصفر الزعفراني",
        "en color amarillo azafrán",
    ),
    v("in dark brown", ", coloris brun foncé", "باللون البني الداكن", "en color marrón oscuro"),
    v("in black", ", coloris noir", "باللون الأسود", "en color negro"),
    v(
        "in oxblood red",
        ", coloris rouge sang-de-bœuf",
        "باللون الأحمر القاني",
        "en color rojo burdeos",
    ),
)

METAL_FINISHES = (
    v("with an antique finish", ", finition vieillie", "بلمسة عتيقة", "con acabado envejecido"),
    v("with a polished finish", ", finition polie", "بلمسة مصقولة", "con acabado pulido"),
    v("with a silver-plated finish", ", finition argentée", "بطلاء فضي", "con acabado plateado"),
    v(
        "with a hammered finish",
        ", finition martelée",
        "بلمسة مطروقة",
        "con acabado martillado",
        techniques=("embossing",),
    ),
)

WOOD_FINISHES = (
    v(
        "with lemon-wood marquetry",
        ", marqueterie de citronnier",
        "بترصيع من خشب الليمون",
        "con marquetería de limonero",
        ("lemon-wood",),
        ("marquetry",),
    ),
    v(
        "with mother-of-pearl inlay",
        ", incrustations de nacre",
        "بترصيع من الصدف",
        "con incrustaciones de nácar",
        ("mother-of-pearl",),
        ("marquetry",),
    ),
    v(
        "with a natural oil finish",
        ", finition à l'huile naturelle",
        "بلمسة زيتية طبيعية",
        "con acabado de aceite natural",
    ),
)

SILVER_FINISHES = (
    v(
        "with enamel inlay",
        ", à décor d'émail",
        "بزخارف من المينا",
        "con esmalte",
        ("enamel",),
        ("enamelling",),
    ),
    v("with engraved motifs", ", à motifs gravés", "بنقوش محفورة", "con motivos grabados"),
    v("in polished silver", ", argent poli", "بفضة مصقولة", "en plata pulida"),
)

DOUM_FINISHES = (
    v("in natural colour", ", couleur naturelle", "باللون الطبيعي", "en color natural"),
    v(
        "with red and black stripes",
        ", à rayures rouges et noires",
        "بخطوط حمراء وسوداء",
        "con rayas rojas y negras",
        DYED,
    ),
    v(
        "with leather handles",
        ", anses en cuir",
        "بمقابض جلدية",
        "con asas de cuero",
        ("leather",),
        ("hand-stitching",),
    ),
    v(
        "with wool pompoms",
        ", à pompons en laine",
        "بشراشيب صوفية",
        "con pompones de lana",
        ("wool",),
    ),
)

OIL_SIZES = (
    v(", 50 ml", ", 50 ml", "، 50 مل", ", 50 ml", scale=0.6),
    v(", 100 ml", ", 100 ml", "، 100 مل", ", 100 ml"),
    v(", 250 ml", ", 250 ml", "، 250 مل", ", 250 ml", scale=2.1),
)

CRAFTS = (
    Craft(
        key="zellige",
        category="zellige-tiles",
        hs_code="690723",
        share=5,
        unique=0.5,
        image_style="zellige",
        blurb=(
            "Each tessera is cut by hand with a sharpened hammer from glazed Fez clay tiles, "
            "then set face down following a geometric plan drawn by the maâlem.",
            "Chaque tesselle est taillée à la main au marteau affûté dans des carreaux d'argile "
            "émaillée de Fès, puis posée face contre terre selon un plan géométrique tracé par "
            "le maâlem.",
            "تُقطع كل قطعة يدويا بمطرقة حادة من بلاط الطين الفاسي المطلي، ثم تُرصّ مقلوبة وفق "
            "تصميم هندسي يرسمه المعلم.",
            "Cada tesela se corta a mano con un martillo afilado a partir de baldosas de arcilla "
            "esmaltada de Fez y se coloca boca abajo siguiendo un plano geométrico trazado por el "
            "maâlem.",
        ),
        activity=(
            "zellige cutting and setting",
            "la taille et la pose du zellige",
            "تقطيع الزليج وتركيبه",
            "el corte y la colocación del zellige",
        ),
        materials=("clay", "glaze"),
        techniques=("zellige-cutting",),
        items=(
            Item(
                (
                    "Zellige fountain panel",
                    "Panneau de fontaine en zellige",
                    "لوحة نافورة من الزليج",
                    "Panel de fuente de zellige",
                ),
                ((60, 120), (5, 8), (80, 150)),
                (4500, 15000),
                (25, 60),
                unique=0.7,
            ),
            Item(
                (
                    "Zellige mosaic table top",
                    "Plateau de table en mosaïque de zellige",
                    "سطح طاولة من فسيفساء الزليج",
                    "Tablero de mesa de mosaico de zellige",
                ),
                ((60, 120), (60, 90), (2, 3)),
                (2500, 9000),
                (15, 35),
                unique=0.6,
            ),
            Item(
                (
                    "Box of zellige tiles, 1 m²",
                    "Carton de carreaux de zellige, 1 m²",
                    "علبة بلاط زليج، 1 م²",
                    "Caja de azulejos de zellige, 1 m²",
                ),
                ((40, 40), (30, 30), (25, 25)),
                (900, 1800),
                (28, 34),
                unique=0.0,
            ),
            Item(
                (
                    "Zellige star medallion",
                    "Médaillon étoilé en zellige",
                    "ميدالية نجمية من الزليج",
                    "Medallón estrellado de zellige",
                ),
                ((30, 60), (0, 0), (2, 3)),
                (600, 2200),
                (3, 8),
                round=True,
            ),
        ),
        variants=ZELLIGE_COLOURS,
    ),
    Craft(
        key="tableware",
        category="tableware",
        hs_code="691200",
        share=10,
        unique=0.4,
        image_style="plate",
        blurb=(
            "Thrown on the wheel, dried in the sun, then painted by hand and fired in a wood "
            "kiln. Food safe; hand washing recommended.",
            "Pièce tournée, séchée au soleil, puis peinte à la main et cuite au four à bois. "
            "Convient au contact alimentaire ; lavage à la main conseillé.",
            "قطعة مشكلة على الدولاب، مجففة تحت الشمس، ثم مرسومة باليد ومطهوة في فرن الحطب. "
            "صالحة للاستعمال الغذائي، ويُنصح بغسلها باليد.",
            "Pieza torneada, secada al sol, pintada a mano y cocida en horno de leña. Apta para "
            "uso alimentario; se recomienda lavar a mano.",
        ),
        activity=(
            "wheel-thrown pottery",
            "la poterie tournée",
            "صناعة الفخار على الدولاب",
            "la alfarería de torno",
        ),
        materials=("clay", "glaze"),
        techniques=("wheel-throwing", "hand-painting"),
        items=(
            Item(
                (
                    "Hand-painted tagine",
                    "Tajine peint à la main",
                    "طاجين مرسوم باليد",
                    "Tajín pintado a mano",
                ),
                ((25, 35), (0, 0), (20, 30)),
                (180, 650),
                (1.5, 3.5),
                round=True,
            ),
            Item(
                ("Serving plate", "Plat de service", "طبق تقديم", "Fuente para servir"),
                ((28, 40), (0, 0), (4, 6)),
                (150, 700),
                (1.0, 2.5),
                round=True,
            ),
            Item(
                (
                    "Set of six bowls",
                    "Service de six bols",
                    "طقم من ست زبديات",
                    "Juego de seis cuencos",
                ),
                ((12, 15), (0, 0), (6, 8)),
                (250, 750),
                (1.8, 2.6),
                round=True,
            ),
            Item(
                ("Fruit bowl", "Coupe à fruits", "صحن فواكه", "Frutero"),
                ((25, 32), (0, 0), (10, 14)),
                (200, 600),
                (1.2, 2.2),
                round=True,
            ),
        ),
        variants=CERAMIC_STYLES,
    ),
    Craft(
        key="ornamental",
        category="ornamental-ceramics",
        hs_code="691390",
        share=7,
        unique=0.5,
        image_style="vase",
        blurb=(
            "A decorative piece shaped on the wheel and painted freehand with motifs passed down "
            "in the potters' quarter.",
            "Une pièce décorative façonnée au tour et peinte à main levée de motifs transmis "
            "dans le quartier des potiers.",
            "قطعة زخرفية مشكلة على الدولاب ومرسومة باليد بزخارف متوارثة في حي الخزافين.",
            "Una pieza decorativa modelada en el torno y pintada a mano alzada con motivos "
            "transmitidos en el barrio de los alfareros.",
        ),
        activity=(
            "painted ceramics",
            "la céramique peinte",
            "الخزف المرسوم باليد",
            "la cerámica pintada",
        ),
        materials=("clay", "glaze"),
        techniques=("wheel-throwing", "hand-painting"),
        items=(
            Item(
                ("Decorative vase", "Vase décoratif", "مزهرية مزخرفة", "Jarrón decorativo"),
                ((18, 30), (0, 0), (30, 55)),
                (300, 2500),
                (2, 6),
                round=True,
            ),
            Item(
                (
                    "Ceramic wall plate",
                    "Assiette murale en céramique",
                    "صحن جداري من الخزف",
                    "Plato de pared de cerámica",
                ),
                ((30, 45), (0, 0), (3, 5)),
                (250, 1200),
                (1.0, 2.5),
                round=True,
            ),
            Item(
                (
                    "Lidded jar (khabia)",
                    "Jarre à couvercle (khabia)",
                    "خابية بغطاء",
                    "Tinaja con tapa (khabia)",
                ),
                ((20, 35), (0, 0), (35, 60)),
                (500, 2500),
                (3, 8),
                round=True,
            ),
            Item(
                (
                    "Ceramic candle holder",
                    "Photophore en céramique",
                    "حامل شموع من الخزف",
                    "Portavelas de cerámica",
                ),
                ((10, 16), (0, 0), (15, 25)),
                (150, 450),
                (0.6, 1.4),
                round=True,
                techniques=("wheel-throwing", "hand-painting", "openwork"),
            ),
        ),
        variants=CERAMIC_STYLES,
    ),
    Craft(
        key="rugs",
        category="hand-knotted-rugs",
        hs_code="570110",
        share=14,
        unique=1.0,
        image_style="rug",
        blurb=(
            "Knotted by hand, row after row, on a vertical loom, with wool sheared, washed and "
            "spun in the Atlas mountains.",
            "Noué à la main, rang après rang, sur un métier vertical, avec une laine tondue, "
            "lavée et filée dans l'Atlas.",
            "معقودة يدويا، صفا بعد صف، على منسج عمودي، بصوف مجزوز ومغسول ومغزول في جبال الأطلس.",
            "Anudada a mano, hilera tras hilera, en un telar vertical, con lana esquilada, lavada "
            "e hilada en el Atlas.",
        ),
        activity=(
            "hand-knotted rug weaving",
            "le tissage de tapis noués main",
            "نسج الزرابي المعقودة يدويا",
            "el tejido de alfombras anudadas a mano",
        ),
        materials=("wool",),
        techniques=("hand-knotting",),
        items=tuple(
            Item(names, ((150, 320), (90, 220), (1.5, 3)), (2200, 3500), per_m2=True, density=3.5)
            for names in (
                (
                    "Hand-knotted Beni Ouarain rug",
                    "Tapis Beni Ouarain noué main",
                    "زربية بني وراين معقودة يدويا",
                    "Alfombra Beni Ouarain anudada a mano",
                ),
                (
                    "Hand-knotted Azilal rug",
                    "Tapis Azilal noué main",
                    "زربية أزيلال معقودة يدويا",
                    "Alfombra Azilal anudada a mano",
                ),
                (
                    "Hand-knotted Boujad rug",
                    "Tapis Boujad noué main",
                    "زربية بوجعد معقودة يدويا",
                    "Alfombra Boujad anudada a mano",
                ),
                (
                    "Hand-knotted Taznakht rug",
                    "Tapis Taznakht noué main",
                    "زربية تازناخت معقودة يدويا",
                    "Alfombra Taznajt anudada a mano",
                ),
                (
                    "Hand-knotted Rabat rug",
                    "Tapis de Rabat noué main",
                    "زربية رباطية معقودة يدويا",
                    "Alfombra de Rabat anudada a mano",
                ),
            )
        ),
        variants=RUG_COLOURS,
        price_bounds=(3000, 25000),
    ),
    Craft(
        key="kilims",
        category="kilims-flat-weaves",
        hs_code="570210",
        share=8,
        unique=0.5,
        image_style="kilim",
        blurb=(
            "Flat-woven on a traditional loom with a tight weft and Berber geometric motifs. "
            "Reversible and light.",
            "Tissage à plat réalisé sur un métier traditionnel, à trame serrée et motifs "
            "géométriques berbères. Réversible et léger.",
            "نسيج مسطح على منسج تقليدي، بلحمة مشدودة وزخارف أمازيغية هندسية. خفيف ويمكن "
            "استعماله على الوجهين.",
            "Tejido plano en un telar tradicional, con trama apretada y motivos geométricos "
            "bereberes. Reversible y ligero.",
        ),
        activity=(
            "flat-weaving of kilims and blankets",
            "le tissage à plat de kilims et de couvertures",
            "نسج الحنابل والبطانيات",
            "el tejido plano de kilims y mantas",
        ),
        materials=("wool", "cotton"),
        techniques=("flat-weaving",),
        items=(
            Item(
                (
                    "Flat-woven Zemmour kilim",
                    "Kilim Zemmour tissé à plat",
                    "حنبل زمور منسوج يدويا",
                    "Kilim Zemmour de tejido plano",
                ),
                ((150, 300), (90, 200), (0.5, 1)),
                (700, 1500),
                per_m2=True,
                density=1.6,
            ),
            Item(
                ("Hanbel blanket", "Couverture hanbel", "بطانية حنبل", "Manta hanbel"),
                ((200, 250), (130, 160), (0.5, 1)),
                (900, 2800),
                (1.2, 2.5),
            ),
            Item(
                (
                    "Chefchaouen striped blanket",
                    "Couverture rayée de Chefchaouen",
                    "بطانية مخططة من شفشاون",
                    "Manta de rayas de Chauen",
                ),
                ((180, 230), (120, 150), (0.5, 1)),
                (600, 1800),
                (1.0, 2.0),
            ),
            Item(
                (
                    "Kilim cushion cover",
                    "Housse de coussin en kilim",
                    "غطاء وسادة من الحنبل",
                    "Funda de cojín de kilim",
                ),
                ((45, 60), (45, 45), (1, 1)),
                (250, 600),
                (0.3, 0.5),
            ),
        ),
        variants=RUG_COLOURS,
        price_bounds=(250, 9000),
    ),
    Craft(
        key="embroidery",
        category="embroidery-textiles",
        hs_code="630492",
        share=7,
        unique=0.5,
        image_style="embroidery",
        blurb=(
            "Embroidered stitch by stitch with no pattern printed on the cloth: the embroiderer "
            "counts the threads, as the embroiderers of Fez and Rabat have done for centuries.",
            "Broderie réalisée point par point sans motif imprimé sur la toile : la brodeuse "
            "compte les fils, comme le font depuis des siècles les brodeuses de Fès et de Rabat.",
            "طرز غرزة بغرزة دون رسم مطبوع على القماش: تعدّ الطرازة الخيوط كما تفعل طرازات فاس "
            "والرباط منذ قرون.",
            "Bordado punto a punto sin dibujo impreso en la tela: la bordadora cuenta los hilos, "
            "como hacen desde hace siglos las bordadoras de Fez y Rabat.",
        ),
        activity=(
            "traditional embroidery",
            "la broderie traditionnelle",
            "الطرز التقليدي",
            "el bordado tradicional",
        ),
        materials=("cotton",),
        techniques=("hand-embroidery",),
        items=(
            Item(
                (
                    "Fez-embroidered tablecloth",
                    "Nappe brodée au point de Fès",
                    "مفرش مائدة مطرز بالطرز الفاسي",
                    "Mantel bordado con punto de Fez",
                ),
                ((150, 250), (120, 160), (0.5, 0.5)),
                (600, 2500),
                (0.6, 1.5),
            ),
            Item(
                (
                    "Embroidered cushion cover",
                    "Housse de coussin brodée",
                    "غطاء وسادة مطرز",
                    "Funda de cojín bordada",
                ),
                ((40, 50), (40, 50), (1, 1)),
                (200, 600),
                (0.2, 0.4),
            ),
            Item(
                (
                    "Rabat-embroidered wall hanging",
                    "Tenture brodée au point de Rabat",
                    "معلقة جدارية مطرزة بالطرز الرباطي",
                    "Tapiz bordado con punto de Rabat",
                ),
                ((80, 150), (60, 120), (0.5, 0.5)),
                (900, 3500),
                (0.5, 1.2),
            ),
            Item(
                (
                    "Set of six embroidered napkins",
                    "Lot de six serviettes brodées",
                    "طقم من ست مناديل مطرزة",
                    "Juego de seis servilletas bordadas",
                ),
                ((40, 40), (40, 40), (2, 3)),
                (250, 700),
                (0.3, 0.5),
                unique=0.0,
            ),
            Item(
                (
                    "Cactus-silk throw",
                    "Plaid en soie de cactus",
                    "غطاء من حرير الصبار",
                    "Manta de seda de cactus",
                ),
                ((180, 220), (120, 150), (0.5, 1)),
                (700, 1800),
                (0.8, 1.4),
                materials=("cactus-silk", "cotton"),
                techniques=("flat-weaving",),
            ),
        ),
        variants=TEXTILE_COLOURS,
    ),
    Craft(
        key="bags",
        category="bags",
        hs_code="420221",
        share=8,
        unique=0.4,
        image_style="leather",
        blurb=(
            "Cut from vegetable-tanned goat leather and stitched by hand; the leather darkens "
            "and softens with use.",
            "Pièce taillée dans un cuir de chèvre au tannage végétal et cousue à la main ; le "
            "cuir fonce et s'assouplit avec le temps.",
            "مقصوصة من جلد الماعز المدبوغ نباتيا ومخيطة باليد، ويزداد الجلد دكنة وليونة مع "
            "الاستعمال.",
            "Pieza cortada en piel de cabra de curtido vegetal y cosida a mano; el cuero se "
            "oscurece y se suaviza con el uso.",
        ),
        activity=("leatherwork", "la maroquinerie", "صناعة الجلد", "la marroquinería"),
        materials=("leather",),
        techniques=("vegetable-tanning", "hand-stitching"),
        items=(
            Item(
                (
                    "Leather shoulder bag",
                    "Sac à bandoulière en cuir",
                    "حقيبة كتف جلدية",
                    "Bolso bandolera de cuero",
                ),
                ((28, 38), (10, 15), (22, 30)),
                (450, 1800),
                (0.6, 1.2),
            ),
            Item(
                ("Leather tote bag", "Cabas en cuir", "حقيبة تسوق جلدية", "Bolso tote de cuero"),
                ((38, 48), (12, 18), (32, 40)),
                (700, 2500),
                (0.8, 1.5),
            ),
            Item(
                ("Leather backpack", "Sac à dos en cuir", "حقيبة ظهر جلدية", "Mochila de cuero"),
                ((28, 34), (12, 16), (38, 45)),
                (800, 2500),
                (0.9, 1.6),
            ),
            Item(
                (
                    "Leather travel bag",
                    "Sac de voyage en cuir",
                    "حقيبة سفر جلدية",
                    "Bolsa de viaje de cuero",
                ),
                ((50, 60), (25, 30), (30, 35)),
                (1200, 3500),
                (1.5, 2.5),
            ),
            Item(
                (
                    "Leather pouch (choukara)",
                    "Pochette en cuir (choukara)",
                    "شكارة جلدية",
                    "Bolso de mano de cuero (choukara)",
                ),
                ((20, 28), (2, 5), (14, 20)),
                (250, 700),
                (0.2, 0.4),
            ),
        ),
        variants=LEATHER_COLOURS,
    ),
    Craft(
        key="babouches",
        category="babouches",
        hs_code="640359",
        share=8,
        unique=0.3,
        image_style="leather",
        blurb=(
            "Babouches made the Fez way: leather uppers stitched by hand onto a sole sewn inside "
            "out, then turned.",
            "Babouches fabriquées à la manière de Fès : empeigne en cuir cousue à la main sur une "
            "semelle montée à l'envers, puis retournée.",
            "بلغة مصنوعة على الطريقة الفاسية: وجه جلدي مخيط باليد على نعل يُخاط مقلوبا ثم يُقلب.",
            "Babuchas hechas al estilo de Fez: empeine de cuero cosido a mano sobre una suela "
            "montada del revés y luego volteada.",
        ),
        activity=(
            "babouche making",
            "la fabrication de babouches",
            "صناعة البلغة",
            "la fabricación de babuchas",
        ),
        materials=("leather",),
        techniques=("vegetable-tanning", "hand-stitching"),
        items=(
            Item(
                (
                    "Pointed leather babouches",
                    "Babouches pointues en cuir",
                    "بلغة جلدية مدببة",
                    "Babuchas puntiagudas de cuero",
                ),
                ((26, 30), (9, 11), (5, 8)),
                (250, 450),
                (0.3, 0.5),
            ),
            Item(
                (
                    "Embroidered Fez babouches",
                    "Babouches brodées de Fès",
                    "بلغة فاسية مطرزة",
                    "Babuchas bordadas de Fez",
                ),
                ((25, 29), (9, 10), (5, 7)),
                (300, 600),
                (0.3, 0.5),
                techniques=("vegetable-tanning", "hand-stitching", "hand-embroidery"),
            ),
            Item(
                (
                    "Round-toe beldi babouches",
                    "Babouches beldi à bout rond",
                    "بلغة بلدية مدورة",
                    "Babuchas beldi de punta redonda",
                ),
                ((26, 31), (10, 11), (6, 8)),
                (250, 500),
                (0.35, 0.55),
            ),
            Item(
                (
                    "Sequined babouches (charbil)",
                    "Babouches à paillettes (charbil)",
                    "شربيل مزين بالترتر",
                    "Babuchas con lentejuelas (charbil)",
                ),
                ((24, 28), (8, 10), (5, 7)),
                (300, 600),
                (0.3, 0.45),
                techniques=("vegetable-tanning", "hand-stitching", "hand-embroidery"),
            ),
        ),
        variants=LEATHER_COLOURS,
    ),
    Craft(
        key="lanterns",
        category="brass-copper-lanterns",
        hs_code="940550",
        share=9,
        unique=0.4,
        image_style="lantern",
        blurb=(
            "Cut, pierced and chiselled by hand in the metalworkers' souk; by candlelight it "
            "throws a lace of light across the room.",
            "Pièce découpée, ajourée et ciselée à la main dans le souk des dinandiers ; à la "
            "lueur d'une bougie, elle projette une dentelle de lumière dans la pièce.",
            "قطعة مقطوعة ومخرمة ومنقوشة يدويا في سوق النحاسين، تنثر ضوء الشمعة في أرجاء "
            "الغرفة كالدانتيل.",
            "Pieza cortada, calada y cincelada a mano en el zoco de los caldereros; a la luz de "
            "una vela proyecta un encaje de luz por toda la habitación.",
        ),
        activity=(
            "brass and copper work (dinanderie)",
            "la dinanderie",
            "صناعة النحاس",
            "el trabajo del latón y el cobre",
        ),
        materials=("brass",),
        techniques=("openwork", "chiselling"),
        items=(
            Item(
                (
                    "Pierced brass lantern",
                    "Lanterne en laiton ajouré",
                    "فانوس من النحاس الأصفر المخرم",
                    "Farol de latón calado",
                ),
                ((20, 35), (0, 0), (40, 80)),
                (600, 3500),
                (1.5, 5.0),
                round=True,
            ),
            Item(
                (
                    "Copper hanging lantern",
                    "Lanterne suspendue en cuivre",
                    "فانوس معلق من النحاس الأحمر",
                    "Farol colgante de cobre",
                ),
                ((20, 30), (0, 0), (35, 70)),
                (700, 3200),
                (1.5, 4.5),
                round=True,
                materials=("copper",),
            ),
            Item(
                (
                    "Coloured-glass brass lantern",
                    "Lanterne en laiton et verres colorés",
                    "فانوس من النحاس الأصفر والزجاج الملون",
                    "Farol de latón y cristales de colores",
                ),
                ((18, 30), (0, 0), (35, 65)),
                (800, 3500),
                (2.0, 5.0),
                round=True,
                materials=("brass", "glass"),
            ),
            Item(
                (
                    "Chiselled brass candle holder",
                    "Bougeoir en laiton ciselé",
                    "شمعدان من النحاس الأصفر المنقوش",
                    "Candelabro de latón cincelado",
                ),
                ((10, 16), (0, 0), (20, 40)),
                (250, 900),
                (0.5, 1.5),
                round=True,
                techniques=("chiselling", "embossing"),
            ),
        ),
        variants=METAL_FINISHES,
    ),
    Craft(
        key="wood",
        category="thuya-cedar-woodwork",
        hs_code="442090",
        share=7,
        unique=0.5,
        image_style="wood",
        blurb=(
            "Turned, carved and polished by hand from thuya or Atlas cedar, then finished with "
            "natural oil.",
            "Pièce tournée, sculptée et polie à la main dans le thuya ou le cèdre de l'Atlas, "
            "puis finie à l'huile naturelle.",
            "قطعة مخروطة ومنحوتة ومصقولة يدويا من خشب العرعار أو أرز الأطلس، ثم مدهونة بزيت طبيعي.",
            "Pieza torneada, tallada y pulida a mano en tuya o cedro del Atlas, y acabada con "
            "aceite natural.",
        ),
        activity=(
            "thuya and cedar woodwork",
            "l'ébénisterie du thuya et du cèdre",
            "صناعة تحف العرعار والأرز",
            "la ebanistería de tuya y cedro",
        ),
        materials=("thuya-wood",),
        techniques=("wood-carving",),
        items=(
            Item(
                (
                    "Thuya wood jewellery box",
                    "Coffret à bijoux en thuya",
                    "علبة مجوهرات من خشب العرعار",
                    "Joyero de madera de tuya",
                ),
                ((15, 25), (10, 15), (6, 10)),
                (150, 1200),
                (0.4, 1.0),
            ),
            Item(
                (
                    "Thuya wood chess set",
                    "Jeu d'échecs en thuya",
                    "رقعة شطرنج من خشب العرعار",
                    "Ajedrez de madera de tuya",
                ),
                ((35, 45), (35, 45), (3, 5)),
                (800, 3000),
                (1.5, 3.0),
            ),
            Item(
                (
                    "Carved cedar mirror frame",
                    "Cadre de miroir en cèdre sculpté",
                    "إطار مرآة من خشب الأرز المنحوت",
                    "Marco de espejo de cedro tallado",
                ),
                ((50, 90), (40, 70), (3, 5)),
                (900, 4000),
                (2.0, 6.0),
                materials=("cedar-wood",),
            ),
            Item(
                (
                    "Painted cedar tray (zouak)",
                    "Plateau en cèdre peint (zouak)",
                    "صينية من خشب الأرز المزوق",
                    "Bandeja de cedro pintado (zouak)",
                ),
                ((40, 60), (0, 0), (3, 5)),
                (400, 1500),
                (1.0, 2.5),
                round=True,
                materials=("cedar-wood",),
                techniques=("wood-carving", "hand-painting"),
            ),
            Item(
                (
                    "Thuya wood bowl",
                    "Bol en thuya",
                    "زبدية من خشب العرعار",
                    "Cuenco de madera de tuya",
                ),
                ((12, 20), (0, 0), (6, 10)),
                (150, 500),
                (0.2, 0.6),
                round=True,
            ),
        ),
        variants=WOOD_FINISHES,
    ),
    Craft(
        key="silver",
        category="silver-jewellery",
        hs_code="711311",
        share=7,
        unique=0.5,
        image_style="silver",
        blurb=(
            "Worked in silver by hand (cast, chased and assembled) after motifs worn for "
            "generations in the Souss and the Anti-Atlas.",
            "Pièce en argent travaillée à la main (fondue, ciselée et assemblée) d'après des "
            "motifs portés depuis des générations dans le Souss et l'Anti-Atlas.",
            "قطعة من الفضة مصوغة يدويا، مسبوكة ومنقوشة ومركبة، على زخارف توارثتها الأجيال في "
            "سوس والأطلس الصغير.",
            "Pieza de plata trabajada a mano (fundida, cincelada y montada) según motivos que "
            "se llevan desde hace generaciones en el Sus y el Antiatlas.",
        ),
        activity=("silversmithing", "l'orfèvrerie en argent", "صياغة الفضة", "la platería"),
        materials=("silver",),
        techniques=("chiselling",),
        items=(
            Item(
                (
                    "Berber silver fibula (tizerzai)",
                    "Fibule berbère en argent (tizerzaï)",
                    "خلالة أمازيغية من الفضة (تيزرزاي)",
                    "Fíbula bereber de plata (tizerzai)",
                ),
                ((8, 15), (4, 8), (1, 2)),
                (900, 4500),
                (0.05, 0.2),
            ),
            Item(
                (
                    "Silver cuff bracelet",
                    "Bracelet manchette en argent",
                    "سوار عريض من الفضة",
                    "Brazalete de plata",
                ),
                ((6, 7), (6, 7), (3, 5)),
                (600, 2800),
                (0.04, 0.12),
            ),
            Item(
                (
                    "Silver Hand of Fatima pendant",
                    "Pendentif main de Fatma en argent",
                    "قلادة خميسة من الفضة",
                    "Colgante mano de Fátima de plata",
                ),
                ((3, 5), (2, 4), (0.3, 0.5)),
                (400, 1200),
                (0.01, 0.03),
            ),
            Item(
                (
                    "Silver filigree earrings",
                    "Boucles d'oreilles en filigrane d'argent",
                    "أقراط من الفضة المخرمة",
                    "Pendientes de filigrana de plata",
                ),
                ((4, 7), (2, 3), (0.5, 0.5)),
                (450, 1500),
                (0.01, 0.03),
                techniques=("filigree",),
            ),
            Item(
                (
                    "Tiznit silver necklace",
                    "Collier de Tiznit en argent",
                    "قلادة تيزنيت من الفضة",
                    "Collar de plata de Tiznit",
                ),
                ((40, 50), (3, 6), (1, 1)),
                (1200, 6000),
                (0.08, 0.3),
            ),
        ),
        variants=SILVER_FINISHES,
    ),
    Craft(
        key="doum",
        category="doum-basketry",
        hs_code="460219",
        share=5,
        unique=0.3,
        image_style="basket",
        blurb=(
            "Plaited by hand from doum palm leaves dried in the sun, then sewn in a spiral: "
            "strong, light and fully biodegradable.",
            "Pièce tressée à la main en feuilles de palmier doum séchées au soleil, puis cousue "
            "en spirale : solide, légère et entièrement biodégradable.",
            "قطعة مضفورة يدويا من سعف الدوم المجفف تحت الشمس ومخيطة بشكل حلزوني، متينة وخفيفة "
            "وقابلة للتحلل بالكامل.",
            "Pieza trenzada a mano con hojas de palma doum secadas al sol y cosida en espiral: "
            "resistente, ligera y totalmente biodegradable.",
        ),
        activity=(
            "doum palm basketry",
            "la vannerie en doum",
            "ضفر الدوم",
            "la cestería de palma doum",
        ),
        materials=("doum-palm",),
        techniques=("palm-plaiting",),
        items=(
            Item(
                (
                    "Doum palm basket",
                    "Panier en palmier doum",
                    "سلة من الدوم",
                    "Cesta de palma doum",
                ),
                ((25, 40), (0, 0), (20, 35)),
                (120, 450),
                (0.3, 0.8),
                round=True,
            ),
            Item(
                (
                    "Doum palm beach bag",
                    "Sac de plage en doum",
                    "حقيبة شاطئ من الدوم",
                    "Bolso de playa de palma doum",
                ),
                ((40, 50), (12, 18), (30, 38)),
                (150, 400),
                (0.3, 0.6),
            ),
            Item(
                (
                    "Doum palm bread basket (tbeq)",
                    "Corbeille à pain en doum (tbeq)",
                    "طبق خبز من الدوم",
                    "Panera de palma doum (tbeq)",
                ),
                ((30, 45), (0, 0), (8, 15)),
                (80, 300),
                (0.2, 0.5),
                round=True,
            ),
            Item(
                (
                    "Doum palm storage basket",
                    "Panier de rangement en doum",
                    "سلة تخزين من الدوم",
                    "Cesta de almacenaje de palma doum",
                ),
                ((30, 45), (0, 0), (35, 50)),
                (200, 600),
                (0.6, 1.2),
                round=True,
            ),
        ),
        variants=DOUM_FINISHES,
    ),
    Craft(
        key="argan",
        category="argan-cosmetics",
        hs_code="330499",
        share=5,
        unique=0.0,
        image_style="argan",
        blurb=(
            "Made from argan kernels cracked by hand by the cooperative's members and pressed "
            "cold, with no added fragrance or preservatives.",
            "Produit élaboré à partir d'amandons d'argan concassés à la main par les "
            "coopératrices et pressés à froid, sans parfum ni conservateur ajouté.",
            "منتج مصنوع من لوز الأركان الذي تكسّره عضوات التعاونية يدويا ويُعصر على البارد، "
            "دون عطور أو مواد حافظة مضافة.",
            "Producto elaborado con almendras de argán partidas a mano por las socias de la "
            "cooperativa y prensadas en frío, sin perfume ni conservantes añadidos.",
        ),
        activity=(
            "argan oil making",
            "la production d'huile d'argan",
            "استخراج زيت الأركان",
            "la elaboración de aceite de argán",
        ),
        materials=("argan-oil",),
        techniques=("cold-pressing",),
        items=(
            Item(
                (
                    "Pure cosmetic argan oil",
                    "Huile d'argan cosmétique pure",
                    "زيت الأركان التجميلي الخالص",
                    "Aceite de argán cosmético puro",
                ),
                ((4, 4), (4, 4), (14, 14)),
                (120, 180),
                (0.2, 0.22),
                variants=OIL_SIZES,
            ),
            Item(
                (
                    "Argan and rose body cream",
                    "Crème corporelle argan et rose",
                    "كريم الجسم بالأركان والورد",
                    "Crema corporal de argán y rosa",
                ),
                ((7, 7), (7, 7), (6, 6)),
                (110, 160),
                (0.18, 0.2),
                materials=("argan-oil", "rose-water"),
                variants=(
                    v(", 100 ml", ", 100 ml", "، 100 مل", ", 100 ml"),
                    v(", 200 ml", ", 200 ml", "، 200 مل", ", 200 ml", scale=1.8),
                ),
            ),
            Item(
                (
                    "Argan lip balm",
                    "Baume à lèvres à l'argan",
                    "مرطب شفاه بالأركان",
                    "Bálsamo labial de argán",
                ),
                ((2, 2), (2, 2), (7, 7)),
                (90, 120),
                (0.03, 0.03),
                materials=("argan-oil", "beeswax"),
                variants=(v(", 15 ml", ", 15 ml", "، 15 مل", ", 15 ml"),),
            ),
            Item(
                (
                    "Beldi black soap with argan",
                    "Savon noir beldi à l'argan",
                    "الصابون البلدي الأسود بالأركان",
                    "Jabón negro beldi con argán",
                ),
                ((8, 8), (8, 8), (6, 6)),
                (90, 140),
                (0.27, 0.29),
                hs_code="340120",
                materials=("argan-oil", "olive-oil"),
                variants=(
                    v(", 250 g", ", 250 g", "، 250 غ", ", 250 g"),
                    v(", 500 g", ", 500 g", "، 500 غ", ", 500 g", scale=1.8),
                ),
            ),
            Item(
                (
                    "Argan and prickly pear seed oil",
                    "Huile d'argan et de pépins de figue de Barbarie",
                    "زيت الأركان وبذور التين الشوكي",
                    "Aceite de argán y semillas de higo chumbo",
                ),
                ((4, 4), (4, 4), (12, 12)),
                (250, 450),
                (0.12, 0.14),
                materials=("argan-oil", "prickly-pear-oil"),
                variants=OIL_SIZES[:2],
            ),
        ),
        variants=OIL_SIZES,
    ),
)

CRAFTS_BY_KEY = {craft.key: craft for craft in CRAFTS}

UNIQUE_PIECE = (
    "One of a kind: this exact piece is the one you will receive.",
    "Pièce unique : c'est exactement cette pièce que vous recevrez.",
    "قطعة فريدة: هذه القطعة بعينها هي التي ستصلك.",
    "Pieza única: recibirá exactamente esta pieza.",
)
SMALL_BATCH = (
    "Made in small batches: each piece varies slightly.",
    "Fabrication en petites séries : chaque pièce présente de légères variations.",
    "يُصنع على دفعات صغيرة، وتختلف كل قطعة قليلا عن الأخرى.",
    "Fabricación en pequeñas series: cada pieza presenta ligeras variaciones.",
)
MADE_BY = (
    "Made by {seller} in {city} ({region}).",
    "Pièce réalisée par {seller} à {city} ({region}).",
    "قطعة من صنع {seller} في {city}، جهة {region}.",
    "Pieza realizada por {seller} en {city} ({region}).",
)
MATERIALS_LINE = (
    "Materials: {materials}. Techniques: {techniques}.",
    "Matières : {materials}. Techniques : {techniques}.",
    "المواد: {materials}. التقنيات: {techniques}.",
    "Materiales: {materials}. Técnicas: {techniques}.",
)
NUMBER_SUFFIX = (" No. {n}", " n° {n}", " رقم {n}", " n.º {n}")
