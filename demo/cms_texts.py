"""Editorial texts of the demo site, each a tuple in the order English, French, Arabic, Spanish."""

# fmt: off
COLLECTIONS = [
    {
        "slug": "unique-pieces",
        "title": ("One of a kind", "Pièces uniques", "قطع فريدة", "Piezas únicas"),
        "intro": (
            "<p>Each piece here exists only once: a rug knotted from a pattern the weaver "
            "carries in her head, a lantern pierced by hand, a plate painted freehand. When it "
            "is sold, it is gone.</p>",
            "<p>Chaque pièce n'existe qu'une fois : un tapis noué d'après un motif que la "
            "tisserande garde en tête, une lanterne ajourée à la main, une assiette peinte à "
            "main levée. Une fois vendue, elle ne revient pas.</p>",
            "<p>كل قطعة هنا لا توجد إلا مرة واحدة: زربية معقودة وفق نقش تحفظه النساجة في "
            "ذاكرتها، وفانوس مخرّم باليد، وصحن مرسوم بلا قالب. حين تُباع لا تعود.</p>",
            "<p>Cada pieza existe una sola vez: una alfombra anudada según un dibujo que la "
            "tejedora lleva en la memoria, un farol calado a mano, un plato pintado a mano "
            "alzada. Cuando se vende, ya no vuelve.</p>",
        ),
        "filter": {"is_unique_piece": True},
    },
    {
        "slug": "a-fez-riad-at-home",
        "title": ("A Fez riad at home", "Un riad de Fès chez soi", "رياض فاسي في بيتك",
                  "Un riad de Fez en casa"),
        "intro": (
            "<p>Zellige, brass lanterns and glazed tableware from the workshops of Fès-Meknès: "
            "the colours and light of a courtyard house, chosen piece by piece by our "
            "curators.</p>",
            "<p>Zellige, lanternes en laiton et vaisselle émaillée des ateliers de Fès-Meknès : "
            "les couleurs et la lumière d'une maison à patio, choisies pièce par pièce par nos "
            "curateurs.</p>",
            "<p>زليج وفوانيس نحاسية وأوان مطلية من ورشات فاس مكناس: ألوان بيت بفناء وضوؤه، "
            "اختارها أمناؤنا قطعة قطعة.</p>",
            "<p>Zellige, faroles de latón y vajilla esmaltada de los talleres de Fez-Mequinez: "
            "los colores y la luz de una casa con patio, elegidos pieza a pieza por nuestros "
            "curadores.</p>",
        ),
        "filter": {
            "region__code": "fes-meknes",
            "categories__code__in": ["zellige-tiles", "tableware", "brass-copper-lanterns"],
        },
    },
    {
        "slug": "gifts-under-500-dirhams",
        "title": ("Gifts under 500 dirhams", "Cadeaux à moins de 500 dirhams",
                  "هدايا بأقل من 500 درهم", "Regalos por menos de 500 dírhams"),
        "intro": (
            "<p>Small pieces that travel well: argan oil pressed by women's cooperatives, doum "
            "baskets, babouches and silver jewellery, all under 500 dirhams.</p>",
            "<p>De petites pièces qui voyagent bien : huile d'argan pressée par des "
            "coopératives de femmes, paniers en doum, babouches et bijoux en argent, tous à "
            "moins de 500 dirhams.</p>",
            "<p>قطع صغيرة تسافر بسهولة: زيت أركان تعصره تعاونيات نسائية، وسلال من الدوم، "
            "وبلاغي، وحلي فضية، كلها بأقل من 500 درهم.</p>",
            "<p>Piezas pequeñas que viajan bien: aceite de argán prensado por cooperativas de "
            "mujeres, cestos de palma doum, babuchas y joyas de plata, todo por menos de 500 "
            "dírhams.</p>",
        ),
        "filter": {"stockrecords__price__lt": 500},
    },
]

ARTISANS = [
    "maalem-hassan-benali",
    "cooperative-imouzzer-marmoucha",
    "maalema-fatima-zahra-idrissi",
    "maalem-abdelkader-lamrani",
    "cooperative-ajddigue",
]

ARTISAN_BODY = {
    "heading": ("In the workshop", "Dans l'atelier", "في الورشة", "En el taller"),
    "paragraph": (
        "<p>Every piece listed here is made in the workshop you are reading about. When you "
        "order, the maker is notified directly, packs the piece and hands it to the carrier; "
        "the payment for the piece goes to the workshop.</p>",
        "<p>Chaque pièce présentée ici est fabriquée dans l'atelier dont vous lisez "
        "l'histoire. À votre commande, l'artisan est prévenu directement, emballe la pièce et "
        "la remet au transporteur ; le paiement de la pièce revient à l'atelier.</p>",
        "<p>كل قطعة معروضة هنا صُنعت في الورشة التي تقرأ قصتها. عند طلبك يُخطَر الحرفي "
        "مباشرة، فيغلّف القطعة ويسلّمها لشركة النقل، ويعود ثمنها إلى الورشة.</p>",
        "<p>Cada pieza que aparece aquí se hace en el taller cuya historia está leyendo. Al "
        "hacer su pedido, el artesano recibe el aviso directamente, embala la pieza y la "
        "entrega al transportista; el pago de la pieza va al taller.</p>",
    ),
    "quote": (
        "A piece carries the hand that made it.",
        "Une pièce porte la main qui l'a faite.",
        "القطعة تحمل أثر اليد التي صنعتها.",
        "Una pieza lleva la mano que la hizo.",
    ),
}

REGION_INTRO = (
    "<p>The workshops of {region} and the pieces they have for sale today. Every maker here is "
    "a verified artisan or cooperative of the region, and every piece ships from where it was "
    "made.</p>",
    "<p>Les ateliers de la région {region} et les pièces qu'ils proposent aujourd'hui. Chaque "
    "artisan présenté ici est un artisan ou une coopérative vérifiés de la région, et chaque "
    "pièce part de là où elle a été faite.</p>",
    "<p>ورشات جهة {region} والقطع التي تعرضها اليوم. كل صانع هنا حرفي أو تعاونية موثقة من "
    "الجهة، وكل قطعة تُشحن من المكان الذي صُنعت فيه.</p>",
    "<p>Los talleres de la región de {region} y las piezas que ofrecen hoy. Cada artesano que "
    "aparece aquí es un artesano o una cooperativa verificados de la región, y cada pieza se "
    "envía desde donde se hizo.</p>",
)

CRAFT_HEADING = ("How it is made", "Comment c'est fait", "كيف تُصنع", "Cómo se hace")

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": ("About Dar Maalem", "À propos de Dar Maalem", "عن دار المعلم",
                  "Sobre Dar Maalem"),
        "intro": (
            "<p>Dar Maalem is a marketplace for Moroccan handicrafts sold directly by the "
            "people who make them.</p>",
            "<p>Dar Maalem est une place de marché de l'artisanat marocain, vendu directement "
            "par celles et ceux qui le fabriquent.</p>",
            "<p>دار المعلم سوق إلكترونية للصناعة التقليدية المغربية، يبيعها صانعوها "
            "مباشرة.</p>",
            "<p>Dar Maalem es un mercado de artesanía marroquí vendida directamente por "
            "quienes la hacen.</p>",
        ),
        "blocks": [
            ("heading", ("Verified makers only", "Uniquement des artisans vérifiés",
                         "صناع موثقون فقط", "Solo artesanos verificados")),
            ("paragraph", (
                "<p>Before a seller lists a single piece, a curator checks their professional "
                "card from the National Crafts Register or their cooperative's registration. "
                "Suspended sellers disappear from the shop at once.</p>",
                "<p>Avant qu'un vendeur ne publie une seule pièce, un curateur vérifie sa carte "
                "professionnelle du Registre national de l'artisanat ou l'immatriculation de "
                "sa coopérative. Un vendeur suspendu disparaît aussitôt de la boutique.</p>",
                "<p>قبل أن يعرض البائع أي قطعة، يتحقق أمين من بطاقته المهنية المسجلة في السجل "
                "الوطني للصناعة التقليدية أو من تسجيل تعاونيته. ويختفي البائع الموقوف من "
                "المتجر فورا.</p>",
                "<p>Antes de que un vendedor publique una sola pieza, un curador comprueba su "
                "tarjeta profesional del Registro Nacional de Artesanía o el registro de su "
                "cooperativa. Un vendedor suspendido desaparece de la tienda de inmediato.</p>",
            )),
        ],
    },
    {
        "slug": "shipping-and-returns",
        "title": ("Shipping and returns", "Livraison et retours", "الشحن والإرجاع",
                  "Envíos y devoluciones"),
        "intro": (
            "<p>Each workshop ships its own parcel from Morocco, with its customs papers, by "
            "postal service or express carrier.</p>",
            "<p>Chaque atelier expédie son propre colis depuis le Maroc, avec ses documents "
            "douaniers, par la poste ou par transporteur express.</p>",
            "<p>ترسل كل ورشة طردها الخاص من المغرب مع وثائقه الجمركية، عبر البريد أو شركة "
            "شحن سريع.</p>",
            "<p>Cada taller envía su propio paquete desde Marruecos, con sus documentos de "
            "aduana, por correo postal o mensajería urgente.</p>",
        ),
        "blocks": [
            ("heading", ("Duties and taxes", "Droits et taxes", "الرسوم والضرائب",
                         "Aranceles e impuestos")),
            ("paragraph", (
                "<p>The price you see before paying includes shipping and an estimate of the "
                "duties and taxes of your country, so the carrier does not surprise you at the "
                "door.</p>",
                "<p>Le prix affiché avant le paiement comprend la livraison et une estimation "
                "des droits et taxes de votre pays : le transporteur ne vous réclamera pas de "
                "surprise à la porte.</p>",
                "<p>يشمل السعر المعروض قبل الدفع الشحن وتقديرا للرسوم والضرائب في بلدك، حتى لا "
                "تفاجئك شركة النقل عند الباب.</p>",
                "<p>El precio que ve antes de pagar incluye el envío y una estimación de los "
                "aranceles e impuestos de su país, para que el transportista no le sorprenda "
                "en la puerta.</p>",
            )),
            ("heading", ("Returns", "Retours", "الإرجاع", "Devoluciones")),
            ("paragraph", (
                "<p>You may return a piece within 14 days of delivery. Write to us first: we "
                "arrange the return with the workshop and refund you once the piece is back.</p>",
                "<p>Vous pouvez retourner une pièce dans les 14 jours suivant la livraison. "
                "Écrivez-nous d'abord : nous organisons le retour avec l'atelier et vous "
                "remboursons dès réception de la pièce.</p>",
                "<p>يمكنك إرجاع القطعة خلال 14 يوما من تسلمها. راسلنا أولا: ننظم الإرجاع مع "
                "الورشة ونرد لك المبلغ بمجرد وصول القطعة.</p>",
                "<p>Puede devolver una pieza en los 14 días siguientes a la entrega. "
                "Escríbanos primero: organizamos la devolución con el taller y le reembolsamos "
                "en cuanto la pieza llega.</p>",
            )),
        ],
    },
    {
        "slug": "faq",
        "title": ("Frequently asked questions", "Questions fréquentes", "أسئلة شائعة",
                  "Preguntas frecuentes"),
        "intro": (
            "<p>What buyers ask us most often.</p>",
            "<p>Ce que les acheteurs nous demandent le plus souvent.</p>",
            "<p>أكثر ما يسألنا عنه المشترون.</p>",
            "<p>Lo que los compradores nos preguntan más a menudo.</p>",
        ),
        "blocks": [
            ("question", (
                ("Is the ceramic tableware safe for food?",
                 "<p>Tableware sold for food carries a lead and cadmium test report; decorative "
                 "pieces are marked as not for food use.</p>"),
                ("La vaisselle en céramique est-elle alimentaire ?",
                 "<p>La vaisselle vendue pour l'usage alimentaire est accompagnée d'un rapport "
                 "d'essai plomb et cadmium ; les pièces décoratives sont marquées comme non "
                 "alimentaires.</p>"),
                ("هل الأواني الخزفية صالحة للطعام؟",
                 "<p>ترافق الأواني المباعة للاستعمال الغذائي شهادة اختبار الرصاص والكادميوم، "
                 "وتحمل القطع الزخرفية علامة تفيد أنها غير مخصصة للطعام.</p>"),
                ("¿La vajilla de cerámica es apta para alimentos?",
                 "<p>La vajilla vendida para uso alimentario lleva un informe de ensayo de "
                 "plomo y cadmio; las piezas decorativas están marcadas como no aptas para "
                 "alimentos.</p>"),
            )),
            ("question", (
                ("Why do two pieces of the same model look different?",
                 "<p>They are made by hand: the knots, the glaze and the hammer marks vary "
                 "from one piece to the next.</p>"),
                ("Pourquoi deux pièces du même modèle diffèrent-elles ?",
                 "<p>Elles sont faites à la main : les nœuds, l'émail et les traces de marteau "
                 "varient d'une pièce à l'autre.</p>"),
                ("لماذا تختلف قطعتان من النموذج نفسه؟",
                 "<p>لأنهما مصنوعتان يدويا: تختلف العقد والطلاء وآثار المطرقة من قطعة إلى "
                 "أخرى.</p>"),
                ("¿Por qué dos piezas del mismo modelo son distintas?",
                 "<p>Están hechas a mano: los nudos, el esmalte y las marcas del martillo "
                 "cambian de una pieza a otra.</p>"),
            )),
        ],
    },
]

JOURNAL = {
    "slug": "journal",
    "title": ("Journal", "Journal", "المجلة", "Diario"),
    "intro": (
        "<p>Visits to the workshops, the history of the crafts and how to care for your "
        "pieces.</p>",
        "<p>Visites d'ateliers, histoire des métiers et conseils pour entretenir vos "
        "pièces.</p>",
        "<p>زيارات للورشات، وتاريخ الحرف، ونصائح للعناية بقطعك.</p>",
        "<p>Visitas a los talleres, la historia de los oficios y cómo cuidar sus piezas.</p>",
    ),
}

ARTICLES = [
    {
        "slug": "how-a-zellige-panel-is-made",
        "date": "2026-10-02",
        "author": "Salma Bennani",
        "title": ("How a zellige panel is made", "Comment naît un panneau de zellige",
                  "كيف تُصنع لوحة الزليج", "Cómo se hace un panel de zellige"),
        "intro": (
            "<p>From Fez clay to a geometric star: a day with the tile cutters.</p>",
            "<p>De l'argile de Fès à l'étoile géométrique : une journée avec les tailleurs de "
            "zellige.</p>",
            "<p>من طين فاس إلى النجمة الهندسية: يوم مع مقطّعي الزليج.</p>",
            "<p>De la arcilla de Fez a la estrella geométrica: un día con los cortadores de "
            "zellige.</p>",
        ),
        "paragraph": (
            "<p>The tiles are glazed in a single colour and fired; only then does the cutter "
            "shape each piece with a sharpened hammer. The maâlem lays the pieces face down on "
            "his drawing, pours mortar over the back and turns the whole panel over at the "
            "end.</p>",
            "<p>Les carreaux sont émaillés d'une seule couleur puis cuits ; ce n'est qu'ensuite "
            "que le tailleur façonne chaque tesselle au marteau affûté. Le maâlem pose les "
            "pièces face contre son dessin, coule le mortier au dos et retourne le panneau à la "
            "fin.</p>",
            "<p>يُطلى البلاط بلون واحد ثم يُشوى، وبعدها فقط يشكّل المقطّع كل قطعة بمطرقة حادة. "
            "يرصّ المعلم القطع مقلوبة على رسمه، ويصب الملاط على ظهرها، ثم يقلب اللوحة كلها في "
            "النهاية.</p>",
            "<p>Las baldosas se esmaltan de un solo color y se cuecen; solo entonces el cortador "
            "da forma a cada pieza con un martillo afilado. El maestro coloca las piezas boca "
            "abajo sobre su dibujo, vierte el mortero por detrás y da la vuelta al panel al "
            "final.</p>",
        ),
    },
    {
        "slug": "caring-for-a-wool-rug",
        "date": "2026-10-20",
        "author": "Youssef Alaoui",
        "title": ("Caring for a hand-knotted wool rug", "Entretenir un tapis en laine noué main",
                  "العناية بزربية صوفية معقودة يدويا",
                  "Cuidar una alfombra de lana anudada a mano"),
        "intro": (
            "<p>A rug from the Middle Atlas can last generations with a little care.</p>",
            "<p>Un tapis du Moyen Atlas peut durer des générations avec un peu de soin.</p>",
            "<p>يمكن لزربية من الأطلس المتوسط أن تعيش أجيالا ببعض العناية.</p>",
            "<p>Una alfombra del Atlas Medio puede durar generaciones con un poco de "
            "cuidado.</p>",
        ),
        "paragraph": (
            "<p>Vacuum it without the beater brush, turn it every few months so it wears "
            "evenly, and blot spills with cold water. Every few years, have it washed by hand, "
            "as the weavers do, and dried flat in the shade.</p>",
            "<p>Passez l'aspirateur sans brosse rotative, tournez-le tous les quelques mois pour "
            "qu'il s'use de façon égale et épongez les taches à l'eau froide. Tous les quelques "
            "ans, faites-le laver à la main, comme le font les tisserandes, et sécher à plat à "
            "l'ombre.</p>",
            "<p>نظّفها بالمكنسة الكهربائية دون الفرشاة الدوارة، وأدِرها كل بضعة أشهر لتتآكل "
            "بالتساوي، وجفف البقع بالماء البارد. وكل بضع سنوات اغسلها يدويا كما تفعل النساجات، "
            "وجففها مبسوطة في الظل.</p>",
            "<p>Pase la aspiradora sin el cepillo giratorio, gírela cada pocos meses para que se "
            "desgaste por igual y seque las manchas con agua fría. Cada pocos años, hágala lavar "
            "a mano, como hacen las tejedoras, y secar en plano a la sombra.</p>",
        ),
    },
    {
        "slug": "argan-women-cooperatives",
        "date": "2026-11-05",
        "author": "Salma Bennani",
        "title": ("The women who press argan oil", "Les femmes qui pressent l'huile d'argan",
                  "النساء اللواتي يعصرن زيت الأركان", "Las mujeres que prensan el aceite de argán"),
        "intro": (
            "<p>In Souss-Massa, cooperatives turn a slow, hard task into a living wage.</p>",
            "<p>Dans le Souss-Massa, les coopératives font d'un travail long et pénible un "
            "revenu digne.</p>",
            "<p>في سوس ماسة، تحوّل التعاونيات عملا طويلا وشاقا إلى دخل كريم.</p>",
            "<p>En Souss-Massa, las cooperativas convierten un trabajo lento y duro en un "
            "salario digno.</p>",
        ),
        "paragraph": (
            "<p>Cracking the nuts between two stones is still done by hand: it takes about two "
            "days of work for one litre of oil. The cooperative buys the fruit, pays each member "
            "for her work and shares the profit at the end of the year.</p>",
            "<p>Le concassage des noix entre deux pierres se fait toujours à la main : il faut "
            "environ deux jours de travail pour un litre d'huile. La coopérative achète les "
            "fruits, paie chaque membre pour son travail et partage les bénéfices en fin "
            "d'année.</p>",
            "<p>ما زال تكسير الثمار بين حجرين يتم يدويا: يتطلب لتر واحد من الزيت نحو يومين من "
            "العمل. تشتري التعاونية الثمار، وتدفع لكل عضوة أجر عملها، وتوزع الأرباح في نهاية "
            "السنة.</p>",
            "<p>La rotura de las nueces entre dos piedras se sigue haciendo a mano: un litro de "
            "aceite exige unos dos días de trabajo. La cooperativa compra el fruto, paga a cada "
            "socia por su trabajo y reparte los beneficios a final de año.</p>",
        ),
    },
]
# fmt: on
