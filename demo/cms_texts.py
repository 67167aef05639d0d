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
        "slugs": ("shipping-and-returns", "livraison-et-retours", "shipping-and-returns",
                  "envios-y-devoluciones"),
        "title": ("Shipping and returns", "Livraison et retours", "الشحن والإرجاع",
                  "Envíos y devoluciones"),
        "intro": (
            "<p>Each workshop ships its own parcel from Morocco, with its customs papers, by "
            "postal service or express carrier. An order from two workshops arrives in two "
            "parcels, each tracked.</p>",
            "<p>Chaque atelier expédie son propre colis depuis le Maroc, avec ses documents "
            "douaniers, par la poste ou par transporteur express. Une commande passée auprès de "
            "deux ateliers arrive en deux colis, chacun suivi.</p>",
            "<p>ترسل كل ورشة طردها الخاص من المغرب مع وثائقه الجمركية، عبر البريد أو شركة "
            "شحن سريع. والطلب من ورشتين يصل في طردين، لكل منهما رقم تتبع.</p>",
            "<p>Cada taller envía su propio paquete desde Marruecos, con sus documentos de "
            "aduana, por correo postal o mensajería urgente. Un pedido a dos talleres llega en "
            "dos paquetes, cada uno con seguimiento.</p>",
        ),
        "blocks": [
            ("heading", ("Delivery times", "Délais de livraison", "مدة التوصيل",
                         "Plazos de entrega")),
            ("paragraph", (
                "<p>Each piece shows the countries it can reach and a delivery estimate for "
                "yours. A piece in stock leaves the workshop within 3 working days; a piece "
                "made to order says how long the maker needs before it ships.</p>",
                "<p>Chaque pièce indique les pays où elle peut être livrée et un délai estimé "
                "pour le vôtre. Une pièce en stock quitte l'atelier sous 3 jours ouvrés ; une "
                "pièce faite sur commande indique le temps dont l'artisan a besoin avant "
                "l'expédition.</p>",
                "<p>تبيّن كل قطعة البلدان التي يمكن أن تصل إليها ومدة التوصيل المقدرة إلى بلدك. "
                "تغادر القطعة المتوفرة الورشة خلال 3 أيام عمل، وتبيّن القطعة المصنوعة حسب الطلب "
                "المدة التي يحتاجها الصانع قبل شحنها.</p>",
                "<p>Cada pieza indica los países a los que puede llegar y un plazo estimado "
                "para el suyo. Una pieza en stock sale del taller en 3 días laborables; una "
                "pieza hecha por encargo indica cuánto tiempo necesita el artesano antes del "
                "envío.</p>",
            )),
            ("heading", ("Duties and taxes", "Droits et taxes", "الرسوم والضرائب",
                         "Aranceles e impuestos")),
            ("paragraph", (
                "<p>Before you pay, checkout shows shipping and the import duties and taxes "
                "of your country, each under the heading of when it is paid: for the European "
                "Union and the United Kingdom they are charged at checkout and the carrier "
                "asks for nothing more; elsewhere they are an estimate you pay to the carrier "
                "on delivery.</p>",
                "<p>Avant le paiement, la commande affiche la livraison ainsi que les droits et "
                "taxes d'importation de votre pays, chacun sous la rubrique du moment où il est "
                "payé : pour l'Union européenne et le Royaume-Uni, ils sont payés à la commande "
                "et le transporteur ne réclame rien de plus ; ailleurs, c'est une estimation que "
                "vous réglez au transporteur à la livraison.</p>",
                "<p>قبل الدفع، تعرض صفحة الطلب الشحن ورسوم الاستيراد وضرائب بلدك، كلًّا تحت عنوان "
                "وقت دفعه: في الاتحاد الأوروبي والمملكة المتحدة تُدفع عند الطلب ولا تطلب شركة "
                "النقل شيئا آخر، وفي غيرهما هي تقدير تدفعه لشركة النقل عند التسلم.</p>",
                "<p>Antes de pagar, el pedido muestra el envío y los aranceles e impuestos de "
                "importación de su país, cada uno bajo el epígrafe de cuándo se paga: en la "
                "Unión Europea y el Reino Unido se cobran en el pedido y el transportista no "
                "pide nada más; en otros países son una estimación que paga al transportista "
                "en la entrega.</p>",
            )),
            ("heading", ("Returns", "Retours", "الإرجاع", "Devoluciones")),
            ("paragraph", (
                "<p>You may return a piece within 14 days of delivery, unused and in its "
                "packaging. Write to us first at help@darmaalem.com: we arrange the return with "
                "the workshop and refund the piece, the original shipping and any duties paid "
                "at checkout within 14 days of the piece reaching the workshop.</p>"
                "<p>You pay the return shipping, unless the piece arrived damaged or is not "
                "as described: then send us photos within 48 hours of delivery and we pay the "
                "return, or refund you without one. Duties paid to the carrier on delivery are "
                "reclaimed from your customs office; we send you the export papers for it.</p>",
                "<p>Vous pouvez retourner une pièce dans les 14 jours suivant la livraison, "
                "non utilisée et dans son emballage. Écrivez-nous d'abord à "
                "help@darmaalem.com : nous organisons le retour avec l'atelier et remboursons "
                "la pièce, la livraison initiale et les droits payés à la commande dans les 14 "
                "jours suivant l'arrivée de la pièce à l'atelier.</p>"
                "<p>Les frais de retour sont à votre charge, sauf si la pièce est arrivée "
                "abîmée ou ne correspond pas à sa description : envoyez-nous alors des photos "
                "dans les 48 heures suivant la livraison et nous payons le retour, ou vous "
                "remboursons sans retour. Les droits payés au transporteur à la livraison se "
                "récupèrent auprès de votre douane ; nous vous envoyons les documents "
                "d'exportation nécessaires.</p>",
                "<p>يمكنك إرجاع القطعة خلال 14 يوما من تسلمها، غير مستعملة وفي تغليفها. راسلنا "
                "أولا على help@darmaalem.com: ننظم الإرجاع مع الورشة ونرد لك ثمن القطعة والشحن "
                "الأصلي والرسوم المدفوعة عند الطلب خلال 14 يوما من وصول القطعة إلى الورشة.</p>"
                "<p>تتحمل أنت تكلفة شحن الإرجاع، إلا إذا وصلت القطعة تالفة أو مخالفة لوصفها: "
                "أرسل إلينا حينها صورا خلال 48 ساعة من التسلم، ونتحمل نحن الإرجاع أو نرد لك "
                "المبلغ دون إرجاع. أما الرسوم المدفوعة لشركة النقل عند التسلم فتُسترد من إدارة "
                "الجمارك في بلدك، ونرسل إليك وثائق التصدير اللازمة لذلك.</p>",
                "<p>Puede devolver una pieza en los 14 días siguientes a la entrega, sin usar y "
                "en su embalaje. Escríbanos primero a help@darmaalem.com: organizamos la "
                "devolución con el taller y le reembolsamos la pieza, el envío original y los "
                "aranceles pagados en el pedido en los 14 días siguientes a la llegada de la "
                "pieza al taller.</p>"
                "<p>Los gastos de devolución corren de su cuenta, salvo si la pieza llegó "
                "dañada o no corresponde a su descripción: envíenos fotos en las 48 horas "
                "siguientes a la entrega y pagamos la devolución, o le reembolsamos sin ella. "
                "Los aranceles pagados al transportista en la entrega se recuperan en su "
                "aduana; le enviamos los documentos de exportación necesarios.</p>",
            )),
            ("heading", ("Unique and made-to-order pieces", "Pièces uniques et sur commande",
                         "القطع الفريدة والمصنوعة حسب الطلب",
                         "Piezas únicas y por encargo")),
            ("paragraph", (
                "<p>A unique piece is one of a kind: what you see in the photos is the piece you "
                "receive, and it can be returned like any other. A piece made to your "
                "measurements or with your name cannot be returned unless it is faulty.</p>",
                "<p>Une pièce unique n'existe qu'une fois : celle des photos est celle que vous "
                "recevez, et elle se retourne comme les autres. Une pièce faite à vos mesures "
                "ou à votre nom ne peut être retournée que si elle est défectueuse.</p>",
                "<p>القطعة الفريدة لا مثيل لها: ما تراه في الصور هو ما تتسلمه، ويمكن إرجاعها "
                "كغيرها. أما القطعة المصنوعة على مقاسك أو باسمك فلا تُرجع إلا إذا كان بها "
                "عيب.</p>",
                "<p>Una pieza única existe una sola vez: la de las fotos es la que recibe, y se "
                "puede devolver como cualquier otra. Una pieza hecha a su medida o con su "
                "nombre solo se puede devolver si es defectuosa.</p>",
            )),
        ],
    },
    {
        "slug": "faq",
        "slugs": ("faq", "questions-frequentes", "faq", "preguntas-frecuentes"),
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
            ("question", (
                ("Will I pay anything when the parcel arrives?",
                 "<p>Not in the European Union or the United Kingdom: duties and taxes are "
                 "paid at checkout. Elsewhere checkout shows the estimated duties you will pay "
                 "the carrier on delivery.</p>"),
                ("Aurai-je quelque chose à payer à la livraison ?",
                 "<p>Pas dans l'Union européenne ni au Royaume-Uni : droits et taxes sont payés "
                 "à la commande. Ailleurs, la commande affiche l'estimation des droits que vous "
                 "réglerez au transporteur à la livraison.</p>"),
                ("هل سأدفع شيئا عند وصول الطرد؟",
                 "<p>لا في الاتحاد الأوروبي ولا في المملكة المتحدة: تُدفع الرسوم والضرائب عند "
                 "الطلب. وفي غيرهما تعرض صفحة الطلب تقدير الرسوم التي ستدفعها لشركة النقل عند "
                 "التسلم.</p>"),
                ("¿Tendré que pagar algo cuando llegue el paquete?",
                 "<p>No en la Unión Europea ni en el Reino Unido: los aranceles e impuestos se "
                 "pagan en el pedido. En otros países el pedido muestra la estimación de los "
                 "aranceles que pagará al transportista en la entrega.</p>"),
            )),
            ("question", (
                ("Can I return a unique piece?",
                 "<p>Yes, within 14 days of delivery, like any other piece. Only pieces made "
                 "to your measurements or with your name are final.</p>"),
                ("Puis-je retourner une pièce unique ?",
                 "<p>Oui, dans les 14 jours suivant la livraison, comme toute autre pièce. Seules "
                 "les pièces faites à vos mesures ou à votre nom sont définitives.</p>"),
                ("هل يمكنني إرجاع قطعة فريدة؟",
                 "<p>نعم، خلال 14 يوما من التسلم كأي قطعة أخرى. ولا تُرجع إلا القطع المصنوعة على "
                 "مقاسك أو باسمك.</p>"),
                ("¿Puedo devolver una pieza única?",
                 "<p>Sí, en los 14 días siguientes a la entrega, como cualquier otra pieza. "
                 "Solo las piezas hechas a su medida o con su nombre no admiten devolución.</p>"),
            )),
            ("question", (
                ("How do I follow my order?",
                 "<p>The confirmation email links to your order page, with each parcel's "
                 "tracking. If a parcel seems stuck, write to help@darmaalem.com with your "
                 "order number.</p>"),
                ("Comment suivre ma commande ?",
                 "<p>L'e-mail de confirmation renvoie à la page de votre commande, avec le suivi "
                 "de chaque colis. Si un colis semble bloqué, écrivez à help@darmaalem.com avec "
                 "votre numéro de commande.</p>"),
                ("كيف أتابع طلبي؟",
                 "<p>تحيلك رسالة التأكيد إلى صفحة طلبك مع تتبع كل طرد. وإذا بدا أن طردا قد "
                 "تعطل، فراسل help@darmaalem.com مع رقم طلبك.</p>"),
                ("¿Cómo sigo mi pedido?",
                 "<p>El correo de confirmación enlaza con la página de su pedido, con el "
                 "seguimiento de cada paquete. Si un paquete parece detenido, escriba a "
                 "help@darmaalem.com con su número de pedido.</p>"),
            )),
        ],
    },
    {
        "slug": "contact",
        "slugs": ("contact", "contact", "contact", "contacto"),
        "title": ("Contact us", "Nous contacter", "اتصل بنا", "Contacto"),
        "intro": (
            "<p>Write to help@darmaalem.com: a person from our team in Marrakesh answers "
            "within one working day, in English, French, Arabic or Spanish.</p>",
            "<p>Écrivez à help@darmaalem.com : une personne de notre équipe à Marrakech "
            "répond sous un jour ouvré, en français, anglais, arabe ou espagnol.</p>",
            "<p>راسلنا على help@darmaalem.com: يجيبك أحد أفراد فريقنا في مراكش خلال يوم عمل "
            "واحد، بالعربية أو الفرنسية أو الإنجليزية أو الإسبانية.</p>",
            "<p>Escriba a help@darmaalem.com: una persona de nuestro equipo en Marrakech "
            "responde en un día laborable, en español, francés, inglés o árabe.</p>",
        ),
        "blocks": [
            ("heading", ("About an order", "À propos d'une commande", "بخصوص طلب",
                         "Sobre un pedido")),
            ("paragraph", (
                "<p>Give your order number (it is in the confirmation email) and, for a damaged "
                "piece, photos of the piece and of its packaging.</p>",
                "<p>Indiquez votre numéro de commande (il figure dans l'e-mail de confirmation) "
                "et, pour une pièce abîmée, des photos de la pièce et de son emballage.</p>",
                "<p>اذكر رقم طلبك (تجده في رسالة التأكيد)، وأرفق صورا للقطعة وتغليفها إن وصلت "
                "تالفة.</p>",
                "<p>Indique su número de pedido (figura en el correo de confirmación) y, si la "
                "pieza llegó dañada, fotos de la pieza y de su embalaje.</p>",
            )),
            ("heading", ("Our address", "Notre adresse", "عنواننا", "Nuestra dirección")),
            ("paragraph", (
                "<p>Dar Maalem, 12 Derb Sidi Bouloukat, Medina, 40000 Marrakesh, Morocco. "
                "Monday to Friday, 9:00 to 17:00 (Morocco time).</p>",
                "<p>Dar Maalem, 12 Derb Sidi Bouloukat, Médina, 40000 Marrakech, Maroc. Du "
                "lundi au vendredi, de 9 h à 17 h (heure du Maroc).</p>",
                "<p>دار المعلم، 12 درب سيدي بولوكات، المدينة القديمة، 40000 مراكش، المغرب. من "
                "الاثنين إلى الجمعة، من 9:00 إلى 17:00 (بتوقيت المغرب).</p>",
                "<p>Dar Maalem, 12 Derb Sidi Bouloukat, Medina, 40000 Marrakech, Marruecos. De "
                "lunes a viernes, de 9:00 a 17:00 (hora de Marruecos).</p>",
            )),
        ],
    },
    {
        "slug": "terms",
        "slugs": ("terms", "conditions-generales", "terms", "condiciones"),
        "title": ("Terms of sale", "Conditions générales de vente", "شروط البيع",
                  "Condiciones de venta"),
        "intro": (
            "<p>Dar Maalem is a marketplace: each piece is sold to you by the workshop or "
            "cooperative named on its page, and Dar Maalem takes the payment on its behalf.</p>",
            "<p>Dar Maalem est une place de marché : chaque pièce vous est vendue par l'atelier "
            "ou la coopérative indiqué sur sa page, et Dar Maalem encaisse le paiement pour son "
            "compte.</p>",
            "<p>دار المعلم سوق إلكترونية: تبيعك كل قطعةَ الورشةُ أو التعاونية المذكورة في "
            "صفحتها، وتتسلم دار المعلم الثمن نيابة عنها.</p>",
            "<p>Dar Maalem es un mercado: cada pieza se la vende el taller o la cooperativa "
            "indicados en su página, y Dar Maalem cobra el pago por cuenta de este.</p>",
        ),
        "blocks": [
            ("heading", ("Prices and payment", "Prix et paiement", "الأسعار والدفع",
                         "Precios y pago")),
            ("paragraph", (
                "<p>Prices are set in Moroccan dirhams; the amount in your currency is charged "
                "at the rate shown at checkout. Your card is charged when you place the "
                "order.</p>",
                "<p>Les prix sont fixés en dirhams marocains ; le montant dans votre devise est "
                "débité au taux affiché à la commande. Votre carte est débitée lorsque vous "
                "passez commande.</p>",
                "<p>تُحدد الأسعار بالدرهم المغربي، ويُقتطع المبلغ بعملتك وفق السعر المعروض عند "
                "الطلب. تُخصم القيمة من بطاقتك عند تأكيد الطلب.</p>",
                "<p>Los precios se fijan en dírhams marroquíes; el importe en su moneda se "
                "cobra al tipo indicado en el pedido. Su tarjeta se carga al hacer el "
                "pedido.</p>",
            )),
            ("heading", ("Delivery, returns and disputes", "Livraison, retours et litiges",
                         "التوصيل والإرجاع والنزاعات", "Entrega, devoluciones y litigios")),
            ("paragraph", (
                "<p>Delivery and returns follow our shipping and returns policy. If a workshop "
                "cannot ship a piece, you are refunded in full. These terms are governed by "
                "Moroccan law, without prejudice to the consumer protections of your country "
                "of residence.</p>",
                "<p>La livraison et les retours suivent notre politique de livraison et de "
                "retours. Si un atelier ne peut pas expédier une pièce, vous êtes intégralement "
                "remboursé. Ces conditions relèvent du droit marocain, sans préjudice des "
                "protections des consommateurs de votre pays de résidence.</p>",
                "<p>يخضع التوصيل والإرجاع لسياسة الشحن والإرجاع لدينا. وإذا تعذر على ورشة شحن "
                "قطعة، يُرد لك المبلغ كاملا. تخضع هذه الشروط للقانون المغربي، دون المساس بحماية "
                "المستهلك في بلد إقامتك.</p>",
                "<p>La entrega y las devoluciones siguen nuestra política de envíos y "
                "devoluciones. Si un taller no puede enviar una pieza, se le reembolsa "
                "íntegramente. Estas condiciones se rigen por la ley marroquí, sin perjuicio de "
                "la protección al consumidor de su país de residencia.</p>",
            )),
        ],
    },
    {
        "slug": "privacy",
        "slugs": ("privacy", "confidentialite", "privacy", "privacidad"),
        "title": ("Privacy", "Confidentialité", "الخصوصية", "Privacidad"),
        "intro": (
            "<p>We keep only what we need to deliver your order and answer you, and we never "
            "sell it.</p>",
            "<p>Nous ne gardons que ce qu'il faut pour livrer votre commande et vous répondre, "
            "et nous ne le vendons jamais.</p>",
            "<p>لا نحتفظ إلا بما نحتاجه لتوصيل طلبك والرد عليك، ولا نبيعه أبدا.</p>",
            "<p>Solo guardamos lo necesario para entregar su pedido y responderle, y nunca lo "
            "vendemos.</p>",
        ),
        "blocks": [
            ("heading", ("What we share, and with whom", "Ce que nous partageons, et avec qui",
                         "ما نشاركه ومع من", "Qué compartimos y con quién")),
            ("paragraph", (
                "<p>Your name and address go to the workshop that ships your piece and to the "
                "carrier; the customs papers carry them too. Card details go to our payment "
                "provider and never reach us. Orders are kept for ten years, as Moroccan "
                "accounting law requires.</p>"
                "<p>To see, correct or delete your data, write to privacy@darmaalem.com.</p>",
                "<p>Votre nom et votre adresse sont transmis à l'atelier qui expédie votre "
                "pièce et au transporteur ; les documents douaniers les portent aussi. Les "
                "données de carte vont à notre prestataire de paiement et ne nous parviennent "
                "jamais. Les commandes sont conservées dix ans, comme l'exige le droit "
                "comptable marocain.</p>"
                "<p>Pour consulter, corriger ou supprimer vos données, écrivez à "
                "privacy@darmaalem.com.</p>",
                "<p>يُرسل اسمك وعنوانك إلى الورشة التي تشحن قطعتك وإلى شركة النقل، وتحملهما "
                "الوثائق الجمركية أيضا. أما بيانات البطاقة فتذهب إلى مزود الدفع ولا تصل إلينا "
                "أبدا. وتُحفظ الطلبات عشر سنوات كما يفرض القانون المحاسبي المغربي.</p>"
                "<p>للاطلاع على بياناتك أو تصحيحها أو حذفها، راسل privacy@darmaalem.com.</p>",
                "<p>Su nombre y su dirección se comunican al taller que envía su pieza y al "
                "transportista; los documentos de aduana también los llevan. Los datos de la "
                "tarjeta van a nuestro proveedor de pagos y nunca nos llegan. Los pedidos se "
                "conservan diez años, como exige la ley contable marroquí.</p>"
                "<p>Para consultar, corregir o suprimir sus datos, escriba a "
                "privacy@darmaalem.com.</p>",
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
