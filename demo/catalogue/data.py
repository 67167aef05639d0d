"""Demo vocabularies, category tree, cities, sellers and home page texts.

Every translated text is a tuple in the order of ``demo.rows.LANGS``: English, French, Arabic,
Spanish.
"""

# fmt: off
MATERIALS = [
    # code, en, fr, ar, es
    ("wool", "Wool", "Laine", "الصوف", "Lana"),
    ("cotton", "Cotton", "Coton", "القطن", "Algodón"),
    ("cactus-silk", "Cactus silk (sabra)", "Soie de cactus (sabra)", "حرير الصبار (الصبرة)",
     "Seda de cactus (sabra)"),
    ("natural-dyes", "Natural dyes", "Teintures naturelles", "الأصباغ الطبيعية",
     "Tintes naturales"),
    ("leather", "Leather", "Cuir", "الجلد", "Cuero"),
    ("brass", "Brass", "Laiton", "النحاس الأصفر", "Latón"),
    ("copper", "Copper", "Cuivre", "النحاس الأحمر", "Cobre"),
    ("silver", "Silver", "Argent", "الفضة", "Plata"),
    ("enamel", "Enamel", "Émail", "المينا", "Esmalte"),
    ("clay", "Clay", "Argile", "الطين", "Arcilla"),
    ("glaze", "Glaze", "Glaçure", "الطلاء الزجاجي", "Vidriado"),
    ("thuya-wood", "Thuya wood", "Bois de thuya", "خشب العرعار", "Madera de tuya"),
    ("cedar-wood", "Cedar wood", "Bois de cèdre", "خشب الأرز", "Madera de cedro"),
    ("lemon-wood", "Lemon wood", "Bois de citronnier", "خشب الليمون", "Madera de limonero"),
    ("mother-of-pearl", "Mother-of-pearl", "Nacre", "الصدف", "Nácar"),
    ("doum-palm", "Doum palm", "Palmier doum", "الدوم", "Palma doum"),
    ("argan-oil", "Argan oil", "Huile d'argan", "زيت الأركان", "Aceite de argán"),
    ("prickly-pear-oil", "Prickly pear seed oil", "Huile de pépins de figue de Barbarie",
     "زيت بذور التين الشوكي", "Aceite de semillas de higo chumbo"),
    ("olive-oil", "Olive oil", "Huile d'olive", "زيت الزيتون", "Aceite de oliva"),
    ("rose-water", "Rose water", "Eau de rose", "ماء الورد", "Agua de rosas"),
    ("beeswax", "Beeswax", "Cire d'abeille", "شمع العسل", "Cera de abeja"),
    ("glass", "Glass", "Verre", "الزجاج", "Vidrio"),
]
# fmt: on

# fmt: off
TECHNIQUES = [
    # code, en, fr, ar, es
    ("hand-knotting", "Hand-knotting", "Nouage à la main", "العقد اليدوي", "Anudado a mano"),
    ("flat-weaving", "Flat-weaving", "Tissage à plat", "النسج المسطح", "Tejido plano"),
    ("hand-embroidery", "Hand embroidery", "Broderie à la main", "الطرز اليدوي",
     "Bordado a mano"),
    ("wheel-throwing", "Wheel-throwing", "Tournage", "التشكيل على الدولاب", "Torneado"),
    ("hand-painting", "Hand-painting", "Peinture à la main", "الرسم اليدوي", "Pintura a mano"),
    ("zellige-cutting", "Zellige cutting (tqchir)", "Taille du zellige (tqchir)",
     "تقشير الزليج", "Corte de zellige (tqchir)"),
    ("chiselling", "Chiselling (nakch)", "Ciselure (nakch)", "النقش", "Cincelado (nakch)"),
    ("embossing", "Embossing (repoussé)", "Repoussé", "النقش البارز بالطرق", "Repujado"),
    ("openwork", "Openwork piercing", "Ajourage", "التخريم", "Calado"),
    ("hand-stitching", "Hand-stitching", "Couture à la main", "الخياطة اليدوية",
     "Cosido a mano"),
    ("vegetable-tanning", "Vegetable tanning", "Tannage végétal", "الدباغة النباتية",
     "Curtido vegetal"),
    ("marquetry", "Marquetry", "Marqueterie", "الترصيع", "Marquetería"),
    ("wood-carving", "Wood carving", "Sculpture sur bois", "النحت على الخشب",
     "Talla en madera"),
    ("filigree", "Filigree", "Filigrane", "الصياغة بالأسلاك الدقيقة (الفيليغران)",
     "Filigrana"),
    ("enamelling", "Enamelling", "Émaillage", "الطلاء بالمينا", "Esmaltado"),
    ("palm-plaiting", "Palm-leaf plaiting", "Tressage de palme", "ضفر السعف",
     "Trenzado de palma"),
    ("cold-pressing", "Cold pressing", "Pression à froid", "العصر على البارد",
     "Prensado en frío"),
]
# fmt: on

# Category tree: (names, descriptions, HS heading, children). Slug and code come from the
# English name. A branch without children is itself a leaf (argan).
CATEGORIES = [
    (
        ("Ceramics & pottery", "Céramique et poterie", "الخزف والفخار", "Cerámica y alfarería"),
        (
            "Zellige, tableware and decorative pieces from the kilns of Fez, Safi, Salé and "
            "Tamegroute.",
            "Zellige, arts de la table et pièces décoratives sortis des fours de Fès, Safi, "
            "Salé et Tamegroute.",
            "زليج وأواني مائدة وقطع زخرفية من أفران فاس وآسفي وسلا وتامكروت.",
            "Zellige, vajilla y piezas decorativas de los hornos de Fez, Safí, Salé y Tamegrut.",
        ),
        "6912",
        [
            (
                ("Zellige & tiles", "Zellige et carreaux", "الزليج والبلاط", "Zellige y azulejos"),
                (
                    "Hand-cut glazed terracotta mosaic: panels, table tops, fountains and tiles "
                    "by the square metre.",
                    "Mosaïque de terre cuite émaillée taillée à la main : panneaux, plateaux de "
                    "table, fontaines et carreaux au mètre carré.",
                    "فسيفساء من الطين المطلي المقطع يدويا: لوحات وأسطح طاولات ونافورات وبلاط "
                    "بالمتر المربع.",
                    "Mosaico de terracota esmaltada cortado a mano: paneles, tableros de mesa, "
                    "fuentes y azulejos por metro cuadrado.",
                ),
                "6907",
            ),
            (
                ("Tableware", "Arts de la table", "أواني المائدة", "Vajilla"),
                (
                    "Tagines, plates and bowls thrown on the wheel and painted by hand, made for "
                    "everyday use.",
                    "Tajines, plats et bols tournés et peints à la main, faits pour servir au "
                    "quotidien.",
                    "طواجين وأطباق وزبديات مشكلة على الدولاب ومرسومة باليد، للاستعمال اليومي.",
                    "Tajines, fuentes y cuencos torneados y pintados a mano, hechos para el uso "
                    "diario.",
                ),
                "6912",
            ),
            (
                (
                    "Ornamental ceramics",
                    "Céramique décorative",
                    "الخزف المزخرف",
                    "Cerámica decorativa",
                ),
                (
                    "Vases, wall plates and jars painted freehand in the potters' quarters.",
                    "Vases, assiettes murales et jarres peints à main levée dans les quartiers "
                    "des potiers.",
                    "مزهريات وصحون جدارية وخوابي مرسومة باليد في أحياء الخزافين.",
                    "Jarrones, platos de pared y tinajas pintados a mano alzada en los barrios de "
                    "alfareros.",
                ),
                "6913",
            ),
        ],
    ),
    (
        ("Rugs & textiles", "Tapis et textiles", "الزرابي والمنسوجات", "Alfombras y textiles"),
        (
            "Rugs, kilims and embroidered linen woven and stitched by cooperatives and master "
            "weavers.",
            "Tapis, kilims et linge brodé, tissés et brodés par des coopératives et des maîtres "
            "tisserands.",
            "زرابي وحنابل ومنسوجات مطرزة تنسجها وتطرزها تعاونيات ومعلمون نساجون.",
            "Alfombras, kilims y ropa de hogar bordada, tejidos y bordados por cooperativas y "
            "maestros tejedores.",
        ),
        "5701",
        [
            (
                (
                    "Hand-knotted rugs",
                    "Tapis noués main",
                    "الزرابي المعقودة يدويا",
                    "Alfombras anudadas a mano",
                ),
                (
                    "Beni Ouarain, Azilal, Boujad, Taznakht and Rabat rugs, each one knotted by "
                    "hand and one of a kind.",
                    "Tapis Beni Ouarain, Azilal, Boujad, Taznakht et de Rabat, tous noués main et "
                    "uniques.",
                    "زرابي بني وراين وأزيلال وبوجعد وتازناخت والرباط، كل واحدة منها معقودة يدويا "
                    "وفريدة.",
                    "Alfombras Beni Ouarain, Azilal, Boujad, Taznajt y de Rabat, todas anudadas a "
                    "mano y únicas.",
                ),
                "5701",
            ),
            (
                (
                    "Kilims & flat-weaves",
                    "Kilims et tissages plats",
                    "الحنابل والمنسوجات المسطحة",
                    "Kilims y tejidos planos",
                ),
                (
                    "Light, reversible kilims (hanbel), blankets and cushion covers woven flat on "
                    "traditional looms.",
                    "Kilims (hanbel) légers et réversibles, couvertures et housses de coussin "
                    "tissés à plat sur des métiers traditionnels.",
                    "حنابل خفيفة تُستعمل على الوجهين، وبطانيات وأغطية وسائد منسوجة على مناسج "
                    "تقليدية.",
                    "Kilims (hanbel) ligeros y reversibles, mantas y fundas de cojín de tejido "
                    "plano en telares tradicionales.",
                ),
                "5702",
            ),
            (
                (
                    "Embroidery & textiles",
                    "Broderie et linge de maison",
                    "الطرز والمنسوجات",
                    "Bordados y textiles",
                ),
                (
                    "Tablecloths, cushions and hangings embroidered stitch by stitch in the Fez "
                    "and Rabat traditions.",
                    "Nappes, coussins et tentures brodés point par point selon les traditions de "
                    "Fès et de Rabat.",
                    "مفارش ووسائد ومعلقات مطرزة غرزة بغرزة وفق تقاليد الطرز الفاسي والرباطي.",
                    "Manteles, cojines y tapices bordados punto a punto según las tradiciones de "
                    "Fez y Rabat.",
                ),
                "6304",
            ),
        ],
    ),
    (
        ("Leather", "Maroquinerie", "الجلد", "Marroquinería"),
        (
            "Vegetable-tanned leather goods from the tanneries of Fez and Marrakesh.",
            "Maroquinerie en cuir au tannage végétal, issue des tanneries de Fès et de Marrakech.",
            "مصنوعات جلدية مدبوغة نباتيا من دباغات فاس ومراكش.",
            "Marroquinería de cuero de curtido vegetal de las curtidurías de Fez y Marrakech.",
        ),
        "4202",
        [
            (
                ("Bags", "Sacs", "الحقائب الجلدية", "Bolsos"),
                (
                    "Shoulder bags, totes, backpacks and pouches cut and stitched by hand.",
                    "Sacs à bandoulière, cabas, sacs à dos et pochettes taillés et cousus à la "
                    "main.",
                    "حقائب كتف وحقائب تسوق وحقائب ظهر وشكارات مقصوصة ومخيطة باليد.",
                    "Bolsos bandolera, bolsos tote, mochilas y bolsos de mano cortados y cosidos "
                    "a mano.",
                ),
                "4202",
            ),
            (
                ("Babouches", "Babouches", "البلاغي", "Babuchas"),
                (
                    "Pointed, round-toe and embroidered babouches, stitched by hand on a turned "
                    "sole.",
                    "Babouches pointues, à bout rond ou brodées, cousues à la main sur une semelle "
                    "retournée.",
                    "بلاغي مدببة ومدورة ومطرزة، مخيطة باليد على نعل مقلوب.",
                    "Babuchas puntiagudas, de punta redonda o bordadas, cosidas a mano sobre una "
                    "suela volteada.",
                ),
                "6403",
            ),
        ],
    ),
    (
        ("Metal & lighting", "Métal et luminaires", "النحاس والإنارة", "Metal e iluminación"),
        (
            "Lanterns and candle holders cut, pierced and chiselled in the metalworkers' souks.",
            "Lanternes et bougeoirs découpés, ajourés et ciselés dans les souks des dinandiers.",
            "فوانيس وشمعدانات مقطوعة ومخرمة ومنقوشة في أسواق النحاسين.",
            "Faroles y candelabros cortados, calados y cincelados en los zocos de los caldereros.",
        ),
        "9405",
        [
            (
                (
                    "Brass & copper lanterns",
                    "Lanternes en laiton et cuivre",
                    "فوانيس النحاس",
                    "Faroles de latón y cobre",
                ),
                (
                    "Pierced brass and copper lanterns that throw patterns of light across a room.",
                    "Lanternes ajourées en laiton et en cuivre qui projettent des motifs de "
                    "lumière dans la pièce.",
                    "فوانيس مخرمة من النحاس الأصفر والأحمر تنثر زخارف الضوء في أرجاء الغرفة.",
                    "Faroles calados de latón y cobre que proyectan dibujos de luz por la "
                    "habitación.",
                ),
                "9405",
            ),
        ],
    ),
    (
        ("Wood", "Bois", "الخشب", "Madera"),
        (
            "Thuya from Essaouira and cedar from the Middle Atlas, turned, carved and inlaid.",
            "Thuya d'Essaouira et cèdre du Moyen Atlas, tournés, sculptés et marquetés.",
            "عرعار الصويرة وأرز الأطلس المتوسط، مخروط ومنحوت ومرصع.",
            "Tuya de Esauira y cedro del Atlas Medio, torneados, tallados y taraceados.",
        ),
        "4420",
        [
            (
                (
                    "Thuya & cedar woodwork",
                    "Objets en thuya et cèdre",
                    "تحف خشب العرعار والأرز",
                    "Objetos de tuya y cedro",
                ),
                (
                    "Boxes, chess sets, trays and mirror frames in fragrant thuya and Atlas cedar.",
                    "Coffrets, jeux d'échecs, plateaux et cadres de miroir en thuya odorant et en "
                    "cèdre de l'Atlas.",
                    "علب ورقع شطرنج وصوانٍ وإطارات مرايا من خشب العرعار العطر وخشب أرز الأطلس.",
                    "Cajas, ajedreces, bandejas y marcos de espejo de tuya aromática y cedro del "
                    "Atlas.",
                ),
                "4420",
            ),
        ],
    ),
    (
        ("Jewellery", "Bijoux", "الحلي", "Joyería"),
        (
            "Berber silver jewellery from Tiznit and the Anti-Atlas, and contemporary pieces.",
            "Bijoux berbères en argent de Tiznit et de l'Anti-Atlas, et créations contemporaines.",
            "حلي فضية أمازيغية من تيزنيت والأطلس الصغير، وقطع معاصرة.",
            "Joyería bereber de plata de Tiznit y el Antiatlas, y piezas contemporáneas.",
        ),
        "7113",
        [
            (
                ("Silver jewellery", "Bijoux en argent", "الحلي الفضية", "Joyería de plata"),
                (
                    "Fibulae, cuffs, pendants and necklaces cast, chased and enamelled by hand.",
                    "Fibules, manchettes, pendentifs et colliers fondus, ciselés et émaillés à la "
                    "main.",
                    "خلالات وأساور وقلائد مسبوكة ومنقوشة ومطلية بالمينا يدويا.",
                    "Fíbulas, brazaletes, colgantes y collares fundidos, cincelados y esmaltados "
                    "a mano.",
                ),
                "7113",
            ),
        ],
    ),
    (
        ("Basketry", "Vannerie", "السلال", "Cestería"),
        (
            "Baskets and bags plaited from palm leaves by women's cooperatives.",
            "Paniers et sacs tressés en feuilles de palmier par des coopératives féminines.",
            "سلال وحقائب مضفورة من سعف النخيل تصنعها تعاونيات نسائية.",
            "Cestas y bolsos trenzados con hojas de palma por cooperativas de mujeres.",
        ),
        "4602",
        [
            (
                ("Doum basketry", "Vannerie en doum", "سلال الدوم", "Cestería de palma doum"),
                (
                    "Doum palm baskets, bread trays and beach bags from Doukkala and Figuig.",
                    "Paniers, corbeilles à pain et sacs de plage en doum de Doukkala et de Figuig.",
                    "سلال وأطباق خبز وحقائب شاطئ من الدوم من دكالة وفكيك.",
                    "Cestas, paneras y bolsos de playa de palma doum de Doukkala y Figuig.",
                ),
                "4602",
            ),
        ],
    ),
    (
        (
            "Argan & cosmetics",
            "Argan et cosmétiques",
            "الأركان ومستحضرات التجميل",
            "Argán y cosmética",
        ),
        (
            "Cold-pressed argan oil, creams and beldi soap from women's cooperatives in the Souss "
            "and around Essaouira.",
            "Huile d'argan pressée à froid, crèmes et savon beldi des coopératives féminines du "
            "Souss et de la région d'Essaouira.",
            "زيت الأركان المعصور على البارد وكريمات وصابون بلدي من تعاونيات نسائية في سوس "
            "ونواحي الصويرة.",
            "Aceite de argán prensado en frío, cremas y jabón beldi de cooperativas de mujeres "
            "del Sus y de la zona de Esauira.",
        ),
        "3304",
        [],
    ),
]

# fmt: off
CITIES = {
    # key: (en, fr, ar, es)
    "fez": ("Fez", "Fès", "فاس", "Fez"),
    "sefrou": ("Sefrou", "Sefrou", "صفرو", "Sefrú"),
    "imouzzer-marmoucha": ("Imouzzer Marmoucha", "Imouzzer Marmoucha", "إيموزار مرموشة",
                           "Imouzzer Marmoucha"),
    "marrakesh": ("Marrakesh", "Marrakech", "مراكش", "Marrakech"),
    "safi": ("Safi", "Safi", "آسفي", "Safí"),
    "essaouira": ("Essaouira", "Essaouira", "الصويرة", "Esauira"),
    "chichaoua": ("Chichaoua", "Chichaoua", "شيشاوة", "Chichaoua"),
    "casablanca": ("Casablanca", "Casablanca", "الدار البيضاء", "Casablanca"),
    "settat": ("Settat", "Settat", "سطات", "Settat"),
    "el-jadida": ("El Jadida", "El Jadida", "الجديدة", "El Yadida"),
    "taroudant": ("Taroudant", "Taroudant", "تارودانت", "Tarudant"),
    "tiznit": ("Tiznit", "Tiznit", "تيزنيت", "Tiznit"),
    "azilal": ("Azilal", "Azilal", "أزيلال", "Azilal"),
    "taznakht": ("Taznakht", "Taznakht", "تازناخت", "Taznajt"),
    "tamegroute": ("Tamegroute", "Tamegroute", "تامكروت", "Tamegrut"),
    "ouarzazate": ("Ouarzazate", "Ouarzazate", "ورزازات", "Uarzazat"),
    "chefchaouen": ("Chefchaouen", "Chefchaouen", "شفشاون", "Chauen"),
    "tetouan": ("Tetouan", "Tétouan", "تطوان", "Tetuán"),
    "rabat": ("Rabat", "Rabat", "الرباط", "Rabat"),
    "sale": ("Sale", "Salé", "سلا", "Salé"),
    "figuig": ("Figuig", "Figuig", "فكيك", "Figuig"),
    "guelmim": ("Guelmim", "Guelmim", "كلميم", "Guelmim"),
}
# fmt: on

# fmt: off
SELLERS = [
    # slug, name, Arabic name, kind, gender (m, f; for cooperatives: w = women, x = mixed),
    # region code, city key, crafts (the first one is the main craft), status
    ("atelier-zellige-fes", "Atelier Zellige Fès", "ورشة زليج فاس", "enterprise", "x",
     "fes-meknes", "fez", ["zellige"], "verified"),
    ("maalem-hassan-benali", "Maâlem Hassan Benali", "المعلم حسن بنعلي", "master_artisan", "m",
     "fes-meknes", "fez", ["zellige", "ornamental"], "verified"),
    ("poterie-serghini", "Poterie Serghini", "ورشة السرغيني للفخار", "enterprise", "x",
     "fes-meknes", "fez", ["tableware", "ornamental"], "verified"),
    ("maalem-driss-tazi", "Maâlem Driss Tazi", "المعلم إدريس التازي", "master_artisan", "m",
     "fes-meknes", "fez", ["bags", "babouches"], "verified"),
    ("cooperative-chouara-cuir", "Coopérative Chouara Cuir", "تعاونية الشوارة للجلد",
     "cooperative", "x", "fes-meknes", "fez", ["babouches", "bags"], "verified"),
    ("maalem-abdelkader-lamrani", "Maâlem Abdelkader Lamrani", "المعلم عبد القادر العمراني",
     "master_artisan", "m", "fes-meknes", "fez", ["lanterns"], "verified"),
    ("cooperative-al-amal-sefrou", "Coopérative Al Amal Sefrou", "تعاونية الأمل صفرو",
     "cooperative", "w", "fes-meknes", "sefrou", ["embroidery"], "verified"),
    ("maalema-fatima-zahra-idrissi", "Maâlema Fatima Zahra Idrissi",
     "المعلمة فاطمة الزهراء الإدريسي", "master_artisan", "f", "fes-meknes", "fez",
     ["embroidery"], "verified"),
    ("cooperative-imouzzer-marmoucha", "Coopérative Imouzzer Marmoucha",
     "تعاونية إيموزار مرموشة", "cooperative", "w", "fes-meknes", "imouzzer-marmoucha",
     ["rugs", "kilims"], "verified"),
    ("poterie-lahrech-safi", "Poterie Lahrech Safi", "ورشة لحرش للفخار", "enterprise", "x",
     "marrakech-safi", "safi", ["ornamental", "tableware"], "verified"),
    ("cooperative-tamounte", "Coopérative Tamounte", "تعاونية تامونت", "cooperative", "w",
     "marrakech-safi", "chichaoua", ["rugs", "kilims"], "verified"),
    ("maalem-youssef-ait-lahcen", "Maâlem Youssef Aït Lahcen", "المعلم يوسف آيت لحسن",
     "master_artisan", "m", "marrakech-safi", "marrakesh", ["lanterns"], "verified"),
    ("atelier-thuya-essaouira", "Atelier Thuya Essaouira", "ورشة العرعار الصويرة",
     "enterprise", "x", "marrakech-safi", "essaouira", ["wood"], "verified"),
    ("cooperative-ajddigue", "Coopérative Ajddigue", "تعاونية أجديك", "cooperative", "w",
     "marrakech-safi", "essaouira", ["argan"], "verified"),
    ("samira-belkadi", "Samira Belkadi", "سميرة بلقاضي", "artisan", "f",
     "marrakech-safi", "marrakesh", ["bags"], "verified"),
    ("maalem-brahim-ouchen", "Maâlem Brahim Ouchen", "المعلم إبراهيم أوشن", "master_artisan",
     "m", "marrakech-safi", "marrakesh", ["babouches"], "verified"),
    ("atelier-dar-lfnoun", "Atelier Dar Lfnoun", "ورشة دار الفنون", "enterprise", "x",
     "casablanca-settat", "casablanca", ["lanterns", "wood", "ornamental"], "verified"),
    ("cooperative-nour-settat", "Coopérative Nour Settat", "تعاونية نور سطات", "cooperative",
     "w", "casablanca-settat", "settat", ["embroidery", "kilims"], "verified"),
    ("karim-chraibi", "Karim Chraibi", "كريم الشرايبي", "artisan", "m",
     "casablanca-settat", "casablanca", ["silver"], "verified"),
    ("cooperative-doukkala-doum", "Coopérative Doukkala Doum", "تعاونية دكالة للدوم",
     "cooperative", "w", "casablanca-settat", "el-jadida", ["doum"], "verified"),
    ("nadia-el-fassi", "Nadia El Fassi", "نادية الفاسي", "artisan", "f",
     "casablanca-settat", "casablanca", ["kilims", "embroidery"], "verified"),
    ("cooperative-tifawin", "Coopérative Tifawin", "تعاونية تيفاوين", "cooperative", "w",
     "souss-massa", "taroudant", ["argan"], "verified"),
    ("maalem-lahcen-oubella", "Maâlem Lahcen Oubella", "المعلم لحسن أوبلا", "master_artisan",
     "m", "souss-massa", "tiznit", ["silver"], "verified"),
    ("cooperative-tiwizi-azilal", "Coopérative Tiwizi Azilal", "تعاونية تويزي أزيلال",
     "cooperative", "w", "beni-mellal-khenifra", "azilal", ["rugs"], "verified"),
    ("cooperative-ouzguita", "Coopérative Ouzguita", "تعاونية أوزكيتة", "cooperative", "w",
     "draa-tafilalet", "taznakht", ["rugs", "kilims"], "verified"),
    ("maalem-abdellah-tamegrouti", "Maâlem Abdellah Tamegrouti", "المعلم عبد الله التامكروتي",
     "master_artisan", "m", "draa-tafilalet", "tamegroute", ["tableware", "ornamental"],
     "verified"),
    ("atelier-chefchaouen-tissage", "Atelier Chefchaouen Tissage", "ورشة شفشاون للنسيج",
     "enterprise", "x", "tanger-tetouan-al-hoceima", "chefchaouen", ["kilims", "embroidery"],
     "verified"),
    ("maalem-rachid-tetouani", "Maâlem Rachid Tetouani", "المعلم رشيد التطواني",
     "master_artisan", "m", "tanger-tetouan-al-hoceima", "tetouan", ["wood", "zellige"],
     "verified"),
    ("maalema-khadija-benslimane", "Maâlema Khadija Benslimane", "المعلمة خديجة بنسليمان",
     "master_artisan", "f", "rabat-sale-kenitra", "rabat", ["embroidery"], "verified"),
    ("poterie-oulja-sale", "Poterie Oulja Salé", "ورشة الولجة للفخار", "enterprise", "x",
     "rabat-sale-kenitra", "sale", ["tableware"], "verified"),
    ("cooperative-zenaga-figuig", "Coopérative Zenaga Figuig", "تعاونية زناكة فكيك",
     "cooperative", "w", "oriental", "figuig", ["doum"], "verified"),
    ("cooperative-nomades-guelmim", "Coopérative Nomades Guelmim", "تعاونية الرحل كلميم",
     "cooperative", "x", "guelmim-oued-noun", "guelmim", ["bags"], "verified"),
    # Not verified: their products must stay off the storefront.
    ("cooperative-tilila-ouarzazate", "Coopérative Tilila Ouarzazate", "تعاونية تليلا ورزازات",
     "cooperative", "w", "draa-tafilalet", "ouarzazate", ["rugs"], "pending"),
    ("atelier-derb-dabachi", "Atelier Derb Dabachi", "ورشة درب الدباشي", "enterprise", "x",
     "marrakech-safi", "marrakesh", ["lanterns"], "suspended"),
]
# fmt: on

# Products listed by each non-verified seller (in addition to the requested number).
HIDDEN_PRODUCTS_PER_SELLER = 2

STORY_COOPERATIVE = (
    "Founded in {year} in {city}, {name} brings together {n} {members}. Their craft: "
    "{activity}. Every sale is paid to the cooperative, which shares the income among its "
    "members.",
    "Fondée en {year} à {city}, {name} réunit {n} {members}. Son savoir-faire : {activity}. "
    "Chaque vente est versée à la coopérative, qui en répartit les revenus entre ses membres.",
    "تأسست {name} سنة {year} في {city}، وتضم {n} {members}. حرفتها: {activity}. يعود ثمن كل "
    "عملية بيع إلى التعاونية التي توزع مداخيلها على أعضائها.",
    "Fundada en {year} en {city}, {name} reúne a {n} {members}. Su oficio: {activity}. Cada "
    "venta se paga a la cooperativa, que reparte los ingresos entre sus miembros.",
)
COOPERATIVE_MEMBERS = {
    "w": ("women artisans", "artisanes", "حرفية", "artesanas"),
    "x": ("artisans", "artisans", "حرفيا", "artesanos"),
}
STORY_ENTERPRISE = (
    "{name} is a workshop founded in {year} in {city}, where {n} craftspeople practise "
    "{activity}. It trains young apprentices alongside its maâlems.",
    "{name} est un atelier fondé en {year} à {city}, où {n} artisans pratiquent {activity}. "
    "Il forme de jeunes apprentis aux côtés de ses maâlems.",
    "تأسست {name} سنة {year} في {city}، ويمارس فيها {n} حرفيا {activity}، وتكوّن "
    "متعلمين شبابا إلى جانب معلميها.",
    "{name} es un taller fundado en {year} en {city}, donde {n} artesanos practican "
    "{activity}. Forma a jóvenes aprendices junto a sus maestros artesanos.",
)
STORY_ARTISAN = {
    "m": (
        "{name} has practised {activity} in {city} for {n} years. He learned the craft from his "
        "father and now trains apprentices in his workshop.",
        "{name} pratique {activity} à {city} depuis {n} ans. Il a appris le métier auprès de "
        "son père et forme aujourd'hui des apprentis dans son atelier.",
        "يمارس {name} {activity} في {city} منذ {n} سنة. تعلّم الحرفة على يد والده ويكوّن اليوم "
        "متعلمين في ورشته.",
        "{name} practica {activity} en {city} desde hace {n} años. Aprendió el oficio con su "
        "padre y hoy forma a aprendices en su taller.",
    ),
    "f": (
        "{name} has practised {activity} in {city} for {n} years. She learned the craft from her "
        "mother and now trains apprentices in her workshop.",
        "{name} pratique {activity} à {city} depuis {n} ans. Elle a appris le métier auprès de "
        "sa mère et forme aujourd'hui des apprenties dans son atelier.",
        "تمارس {name} {activity} في {city} منذ {n} سنة. تعلّمت الحرفة على يد والدتها وتكوّن "
        "اليوم متعلمات في ورشتها.",
        "{name} practica {activity} en {city} desde hace {n} años. Aprendió el oficio con su "
        "madre y hoy forma a aprendizas en su taller.",
    ),
}

HOME_PAGE = {
    "title": ("Dar Maalem", "Dar Maalem", "دار المعلم", "Dar Maalem"),
    "hero_title": (
        "Moroccan crafts, straight from the workshop",
        "L'artisanat marocain, directement de l'atelier",
        "الصناعة التقليدية المغربية، مباشرة من الورشة",
        "Artesanía marroquí, directamente del taller",
    ),
    "hero_text": (
        "Rugs, zellige, lanterns and leather from verified artisans and cooperatives in all "
        "twelve regions of Morocco.",
        "Tapis, zellige, lanternes et cuir d'artisans et de coopératives vérifiés, dans les "
        "douze régions du Maroc.",
        "زرابي وزليج وفوانيس ومصنوعات جلدية من صناع تقليديين وتعاونيات موثقة في جهات المغرب "
        "الاثنتي عشرة.",
        "Alfombras, zellige, faroles y cuero de artesanos y cooperativas verificados de las doce "
        "regiones de Marruecos.",
    ),
    "intro": (
        "<p>Every seller on Dar Maalem is an artisan, a maâlem or a cooperative whose "
        "registration we have checked. You buy directly from the workshop, and the workshop is "
        "paid directly.</p>",
        "<p>Chaque vendeur de Dar Maalem est un artisan, un maâlem ou une coopérative dont nous "
        "avons vérifié l'immatriculation. Vous achetez directement à l'atelier, et l'atelier est "
        "payé directement.</p>",
        "<p>كل بائع في دار المعلم صانع تقليدي أو معلم أو تعاونية تحققنا من تسجيلها. تشتري "
        "مباشرة من الورشة، وتتلقى الورشة ثمن البيع مباشرة.</p>",
        "<p>Cada vendedor de Dar Maalem es un artesano, un maâlem o una cooperativa cuyo registro "
        "hemos comprobado. Usted compra directamente al taller, y el taller cobra "
        "directamente.</p>",
    ),
}
