"""A small pool of generated product pictures: Moroccan-style geometric patterns per craft.

Pictures are drawn at twice their size and scaled down (cheap antialiasing), saved once as
JPEG into default storage, and shared by every demo product of the craft.
"""

import io
import math
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from catalog.renditions import make_renditions

SIZE = 800
SCALE = 2
MAX_BYTES = 75 * 1024
FOLDER = "images/demo"

PALETTES = {
    "zellige": [
        ((246, 241, 228), (28, 72, 152), (250, 250, 246), (22, 112, 92)),
        ((240, 236, 222), (12, 112, 82), (250, 248, 240), (204, 152, 42)),
        ((34, 32, 30), (206, 142, 44), (246, 236, 212), (150, 44, 32)),
    ],
    "plate": [
        ((238, 234, 222), (30, 70, 160), (92, 138, 204), (250, 250, 250)),
        ((246, 238, 220), (40, 110, 170), (200, 82, 42), (230, 182, 52)),
        ((34, 92, 62), (72, 150, 88), (20, 58, 40), (168, 210, 130)),
    ],
    "vase": [
        ((238, 234, 222), (30, 70, 160), (92, 138, 204), (250, 250, 250)),
        ((246, 238, 220), (40, 110, 170), (200, 82, 42), (230, 182, 52)),
        ((34, 92, 62), (72, 150, 88), (20, 58, 40), (168, 210, 130)),
    ],
    "rug": [
        ((238, 231, 215), (44, 38, 32), (44, 38, 32), (238, 231, 215)),
        ((240, 232, 220), (200, 62, 60), (242, 152, 42), (62, 82, 160)),
        ((176, 54, 66), (242, 154, 62), (250, 214, 150), (60, 30, 40)),
    ],
    "kilim": [
        ((172, 40, 36), (232, 122, 40), (30, 26, 24), (238, 226, 204)),
        ((34, 52, 108), (238, 230, 212), (214, 160, 44), (150, 40, 40)),
        ((208, 96, 120), (252, 222, 160), (80, 40, 90), (244, 240, 230)),
    ],
    "embroidery": [
        ((236, 228, 212), (150, 30, 42), (210, 160, 60)),
        ((242, 238, 228), (40, 62, 122), (120, 150, 200)),
    ],
    "leather": [
        ((176, 110, 60), (120, 70, 34), (226, 188, 130)),
        ((212, 160, 42), (150, 104, 20), (248, 220, 140)),
    ],
    "lantern": [
        ((26, 18, 12), (192, 150, 72), (255, 214, 126)),
        ((18, 20, 28), (184, 104, 62), (255, 196, 120)),
        ((30, 16, 22), (200, 170, 96), (255, 232, 170)),
    ],
    "wood": [
        ((150, 90, 50), (120, 68, 36), (236, 214, 170), (58, 34, 20)),
        ((186, 132, 82), (156, 104, 60), (244, 226, 190), (92, 52, 28)),
    ],
    "silver": [
        ((24, 30, 50), (204, 204, 210), (30, 150, 110), (226, 190, 60)),
        ((40, 20, 30), (214, 214, 218), (40, 90, 190), (200, 50, 50)),
    ],
    "basket": [
        ((216, 186, 130), (170, 140, 90), (176, 40, 40), (32, 30, 28)),
        ((224, 198, 146), (180, 150, 100), (40, 110, 150), (230, 170, 40)),
    ],
    "argan": [
        ((246, 214, 140), (214, 160, 70), (160, 104, 30), (110, 72, 36)),
        ((236, 224, 196), (200, 176, 120), (130, 92, 40), (90, 60, 30)),
    ],
}

# Pictures per craft style; the pool is about 30 pictures.
POOL_SIZES = {"zellige": 3, "tableware": 3, "rugs": 3, "kilims": 3, "lanterns": 3}
DEFAULT_POOL_SIZE = 2


def star_points(cx, cy, radius, points=8, depth=0.765, rotation=0.0):
    """Vertices of a star polygon with ``points`` tips."""
    vertices = []
    for k in range(points * 2):
        r = radius if k % 2 == 0 else radius * depth
        angle = rotation + math.pi * k / points
        vertices.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return vertices


def diamond(cx, cy, rx, ry=None):
    """A rhombus centred on (cx, cy)."""
    ry = rx if ry is None else ry
    return [(cx, cy - ry), (cx + rx, cy), (cx, cy + ry), (cx - rx, cy)]


def clipped(base, pattern, mask):
    """Paste ``pattern`` onto ``base`` where ``mask`` is white."""
    base.paste(pattern, (0, 0), mask)
    return base


def draw_zellige(size, palette, rng):
    """Eight-pointed stars on a grout background, with diamonds where the cells meet."""
    grout, star, inner, accent = palette
    image = Image.new("RGB", (size, size), grout)
    draw = ImageDraw.Draw(image)
    cells = rng.choice((3, 4))
    cell = size / cells
    for row in range(cells + 1):
        for col in range(cells + 1):
            draw.polygon(diamond(col * cell, row * cell, cell * 0.16), fill=accent)
    for row in range(cells):
        for col in range(cells):
            cx, cy = (col + 0.5) * cell, (row + 0.5) * cell
            draw.polygon(star_points(cx, cy, cell * 0.46), fill=star)
            draw.polygon(star_points(cx, cy, cell * 0.3, rotation=math.pi / 8), fill=inner)
            draw.regular_polygon((cx, cy, cell * 0.1), 8, fill=accent)
    return image


def draw_plate(size, palette, rng):
    """A plate seen from above: rim bands, radial petals and a central star."""
    background, main, second, light = palette
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    c = size / 2
    r = size * 0.46
    draw.ellipse((c - r, c - r, c + r, c + r), fill=light, outline=main, width=size // 60)
    draw.ellipse(
        (c - r * 0.86, c - r * 0.86, c + r * 0.86, c + r * 0.86), outline=second, width=size // 80
    )
    petals = rng.choice((8, 12, 16))
    for k in range(petals):
        a = 2 * math.pi * k / petals
        spread = math.pi / petals
        tip = (c + r * 0.8 * math.cos(a), c + r * 0.8 * math.sin(a))
        left = (c + r * 0.5 * math.cos(a - spread), c + r * 0.5 * math.sin(a - spread))
        right = (c + r * 0.5 * math.cos(a + spread), c + r * 0.5 * math.sin(a + spread))
        base = (c + r * 0.3 * math.cos(a), c + r * 0.3 * math.sin(a))
        draw.polygon([base, left, tip, right], fill=main if k % 2 == 0 else second)
    draw.polygon(star_points(c, c, r * 0.28), fill=main)
    draw.ellipse((c - r * 0.08, c - r * 0.08, c + r * 0.08, c + r * 0.08), fill=light)
    return image


def draw_vase(size, palette, rng):
    """A painted vase: a profile filled with bands of zigzags and dots."""
    background, main, second, light = palette
    image = Image.new("RGB", (size, size), (246, 242, 234))
    c = size / 2
    top, bottom = size * 0.1, size * 0.92
    bulge = rng.uniform(0.22, 0.3)
    profile = []
    for k in range(41):
        t = k / 40
        body = math.sin(math.pi * max(0.0, t - 0.15) / 0.85) ** 0.9 if t > 0.15 else 0.0
        lip = 0.05 if t < 0.05 else 0.0
        r = size * (0.08 + lip + bulge * body + (0.06 if t > 0.95 else 0.0))
        profile.append((c + r, top + (bottom - top) * t))
    outline = profile + [(2 * c - x, y) for x, y in reversed(profile)]
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    pattern = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(pattern)
    band = size / 12
    for k in range(12):
        y = k * band
        colour = (main, light, second)[k % 3]
        draw.rectangle((0, y, size, y + band), fill=colour)
        if k % 3 == 1:
            teeth = 14
            for t in range(teeth):
                x = t * size / teeth
                draw.polygon(
                    [
                        (x, y + band),
                        (x + size / teeth / 2, y + band * 0.2),
                        (x + size / teeth, y + band),
                    ],
                    fill=main,
                )
    return clipped(image, pattern, mask)


def draw_rug(size, palette, rng):
    """A Beni Ouarain-style diamond lattice, with motifs in some of the diamonds."""
    background, line, motif, fill = palette
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    step = size / rng.choice((3, 4))
    width = max(4, int(size / 70))
    for k in range(-6, 8):
        x = k * step
        draw.line([(x, 0), (x + size, size)], fill=line, width=width)
        draw.line([(x, 0), (x - size, size)], fill=line, width=width)
    for row in range(-1, 9):
        for col in range(-1, 9):
            cx = col * step + (step / 2 if row % 2 else 0)
            cy = row * step / 2
            if rng.random() < 0.5:
                draw.polygon(diamond(cx, cy + step / 2, step * 0.18), fill=motif)
                draw.polygon(diamond(cx, cy + step / 2, step * 0.08), fill=fill)
    return image


def draw_kilim(size, palette, rng):
    """Horizontal bands of colour, some filled with triangles or diamonds."""
    image = Image.new("RGB", (size, size), palette[0])
    draw = ImageDraw.Draw(image)
    y = 0.0
    while y < size:
        height = size * rng.choice((0.04, 0.07, 0.12, 0.16))
        colour, other = rng.sample(palette, 2)
        draw.rectangle((0, y, size, y + height), fill=colour)
        kind = rng.choice(("plain", "triangles", "diamonds"))
        teeth = rng.choice((8, 10, 12))
        w = size / teeth
        for k in range(teeth):
            x = k * w
            if kind == "triangles":
                draw.polygon([(x, y + height), (x + w / 2, y), (x + w, y + height)], fill=other)
            elif kind == "diamonds":
                draw.polygon(diamond(x + w / 2, y + height / 2, w * 0.35, height * 0.4), fill=other)
        y += height
    return image


def draw_embroidery(size, palette, rng):
    """Counted-thread motifs on linen, framed by two embroidered bands."""
    linen, thread, second = palette
    image = Image.new("RGB", (size, size), linen)
    draw = ImageDraw.Draw(image)
    stitch = size / 100
    spacing = rng.choice((16, 20, 25))
    for gy in range(spacing // 2, 100, spacing):
        for gx in range(spacing // 2, 100, spacing):
            colour = thread if (gx + gy) // spacing % 2 == 0 else second
            for dx in range(-4, 5):
                for dy in range(-4, 5):
                    if abs(dx) + abs(dy) in (2, 4) or (dx == 0 and dy == 0):
                        x, y = (gx + dx) * stitch, (gy + dy) * stitch
                        draw.rectangle((x, y, x + stitch * 0.9, y + stitch * 0.9), fill=colour)
    for top in (size * 0.03, size * 0.92):
        draw.rectangle((0, top, size, top + size * 0.05), fill=thread)
        for k in range(20):
            x = k * size / 20
            draw.polygon(diamond(x + size / 40, top + size * 0.025, size / 60), fill=linen)
    return image


def draw_leather(size, palette, rng):
    """Tooled leather: darker edges, a stitched frame and an embossed star medallion."""
    base, dark, light = palette
    image = Image.new("RGB", (size, size), dark)
    draw = ImageDraw.Draw(image)
    steps = 10
    for k in range(steps):
        t = k / steps
        colour = tuple(int(d + (b - d) * t) for d, b in zip(dark, base, strict=True))
        inset = size * 0.02 * k
        draw.rounded_rectangle((inset, inset, size - inset, size - inset), size // 20, fill=colour)
    margin = size * 0.1
    dash = size / 60
    x = margin
    while x < size - margin:
        for yy in (margin, size - margin):
            draw.line([(x, yy), (x + dash, yy)], fill=light, width=max(2, size // 200))
            draw.line([(yy, x), (yy, x + dash)], fill=light, width=max(2, size // 200))
        x += dash * 2
    c = size / 2
    points = rng.choice((6, 8, 12))
    offset = size / 200
    draw.polygon(star_points(c + offset, c + offset, size * 0.25, points, 0.6), fill=dark)
    draw.polygon(star_points(c, c, size * 0.25, points, 0.6), fill=light)
    draw.polygon(star_points(c, c, size * 0.18, points, 0.6), fill=base)
    return image


def draw_lantern(size, palette, rng):
    """A lantern against a dark wall: light shines through a lattice of pierced holes."""
    background, metal, glow = palette
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    c = size / 2
    for k in range(8, 0, -1):
        t = (8 - k) / 24
        colour = tuple(int(b + (g - b) * t) for b, g in zip(background, glow, strict=True))
        r = size * 0.06 * k
        draw.ellipse((c - r, c - r, c + r, c + r), fill=colour)
    top, bottom = size * 0.22, size * 0.86
    half = size * 0.2
    body = [(c - half, top), (c + half, top), (c + half * 0.8, bottom), (c - half * 0.8, bottom)]
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).polygon(body, fill=255)
    pattern = Image.new("RGB", (size, size), metal)
    pdraw = ImageDraw.Draw(pattern)
    hole = size / rng.choice((28, 34, 40))
    for row in range(int(top / hole) - 1, int(bottom / hole) + 2):
        for col in range(-2, int(size / hole) + 2):
            x = col * hole * 2 + (hole if row % 2 else 0)
            y = row * hole * 1.6
            pdraw.polygon(star_points(x, y, hole * 0.55, 4, 0.45), fill=glow)
    clipped(image, pattern, mask)
    draw.polygon([(c - half * 1.1, top), (c, size * 0.08), (c + half * 1.1, top)], fill=metal)
    draw.rectangle((c - half * 0.9, bottom, c + half * 0.9, bottom + size * 0.04), fill=metal)
    draw.ellipse(
        (c - size * 0.03, size * 0.03, c + size * 0.03, size * 0.09),
        outline=metal,
        width=size // 100,
    )
    return image


def draw_wood(size, palette, rng):
    """Wood grain with a marquetry star and a border of light and dark triangles."""
    base, grain, light, dark = palette
    image = Image.new("RGB", (size, size), base)
    draw = ImageDraw.Draw(image)
    for k in range(40):
        y0 = k * size / 40
        amplitude = size * rng.uniform(0.005, 0.02)
        phase = rng.uniform(0, math.pi * 2)
        points = [
            (x, y0 + amplitude * math.sin(x / size * 6 + phase))
            for x in range(0, size + 1, size // 40)
        ]
        draw.line(points, fill=grain, width=max(2, size // 300))
    band = size * 0.06
    teeth = 16
    w = size / teeth
    for k in range(teeth):
        for y in (0, size - band):
            draw.polygon(
                [(k * w, y + band), (k * w + w / 2, y), (k * w + w, y + band)],
                fill=light if k % 2 else dark,
            )
    c = size / 2
    tips = rng.choice((8, 10, 12))
    draw.polygon(star_points(c, c, size * 0.28, tips, 0.55), fill=dark)
    draw.polygon(star_points(c, c, size * 0.22, tips, 0.55, math.pi / tips), fill=light)
    draw.regular_polygon((c, c, size * 0.07), tips, fill=dark)
    return image


def draw_silver(size, palette, rng):
    """A silver rosette on velvet: beaded rings, an enamelled centre and a fibula triangle."""
    velvet, silver, enamel, second = palette
    image = Image.new("RGB", (size, size), velvet)
    draw = ImageDraw.Draw(image)
    c = size / 2
    r = size * 0.3
    draw.ellipse((c - r, c - r, c + r, c + r), outline=silver, width=size // 40)
    beads = rng.choice((18, 24, 30))
    for k in range(beads):
        a = 2 * math.pi * k / beads
        x, y = c + r * 1.15 * math.cos(a), c + r * 1.15 * math.sin(a)
        draw.ellipse((x - size / 80, y - size / 80, x + size / 80, y + size / 80), fill=silver)
    draw.polygon(star_points(c, c, r * 0.7, 6, 0.55), fill=silver)
    draw.regular_polygon((c, c, r * 0.25), 6, fill=enamel)
    draw.ellipse((c - r * 0.1, c - r * 0.1, c + r * 0.1, c + r * 0.1), fill=second)
    draw.polygon(
        [(c - r * 0.5, c + r * 1.35), (c + r * 0.5, c + r * 1.35), (c, c + r * 1.05)], fill=silver
    )
    return image


def draw_basket(size, palette, rng):
    """A coiled doum basket seen from above, with dyed sectors on some coils."""
    straw, line, dyed, dark = palette
    image = Image.new("RGB", (size, size), (250, 246, 238))
    draw = ImageDraw.Draw(image)
    c = size / 2
    coils = 14
    sectors = rng.choice((8, 12, 16))
    for k in range(coils, 0, -1):
        r = size * 0.47 * k / coils
        box = (c - r, c - r, c + r, c + r)
        draw.ellipse(box, fill=straw)
        if k % 3 == 0:
            for s in range(sectors):
                if s % 2 == 0:
                    start = 360 * s / sectors
                    draw.pieslice(box, start, start + 360 / sectors, fill=dyed if k % 2 else dark)
        draw.ellipse(box, outline=line, width=max(2, size // 250))
    return image


def draw_argan(size, palette, rng):
    """An argan oil bottle on a warm gradient, with argan nuts at its foot."""
    top, bottom, glass, nut = palette
    image = Image.new("RGB", (size, size), top)
    draw = ImageDraw.Draw(image)
    bands = 12
    for k in range(bands):
        t = k / bands
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.rectangle((0, size * t, size, size * (t + 1 / bands)), fill=colour)
    c = size / 2
    w = size * rng.uniform(0.14, 0.2)
    draw.rounded_rectangle((c - w, size * 0.35, c + w, size * 0.85), size // 30, fill=glass)
    draw.rectangle((c - w * 0.3, size * 0.2, c + w * 0.3, size * 0.36), fill=glass)
    draw.rectangle((c - w * 0.4, size * 0.14, c + w * 0.4, size * 0.21), fill=nut)
    draw.rectangle((c - w, size * 0.5, c + w, size * 0.66), fill=(250, 244, 228))
    draw.polygon(star_points(c, size * 0.58, w * 0.5), fill=glass)
    for k in range(5):
        x = size * (0.15 + 0.17 * k)
        draw.ellipse((x - size * 0.05, size * 0.88, x + size * 0.05, size * 0.95), fill=nut)
    return image


DRAWERS = {
    "zellige": draw_zellige,
    "plate": draw_plate,
    "vase": draw_vase,
    "rug": draw_rug,
    "kilim": draw_kilim,
    "embroidery": draw_embroidery,
    "leather": draw_leather,
    "lantern": draw_lantern,
    "wood": draw_wood,
    "silver": draw_silver,
    "basket": draw_basket,
    "argan": draw_argan,
}


def render(style, key, index, seed):
    """One picture of the style as JPEG bytes, kept under ``MAX_BYTES`` when possible."""
    rng = random.Random(f"{seed}:{key}:{index}")
    palettes = PALETTES[style]
    image = DRAWERS[style](SIZE * SCALE, palettes[index % len(palettes)], rng)
    image = image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    for quality in (80, 72, 64, 56):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        if buffer.tell() <= MAX_BYTES:
            break
    return buffer.getvalue()


def ensure_pool(crafts, seed):
    """Save the missing pictures of every craft and their WebP renditions.

    Returns {craft key: [storage names]}; every product image points at one of them.
    """
    pool = {}
    for craft in crafts:
        names = []
        for index in range(POOL_SIZES.get(craft.key, DEFAULT_POOL_SIZE)):
            name = f"{FOLDER}/{craft.key}-{index + 1}.jpg"
            if not default_storage.exists(name):
                data = render(craft.image_style, craft.key, index, seed)
                name = default_storage.save(name, ContentFile(data))
            make_renditions(name)
            names.append(name)
        pool[craft.key] = names
    return pool
