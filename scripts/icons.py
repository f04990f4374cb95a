"""The app's PNG icons, drawn from public/favicon.svg's design (a blue square, three white bars):
icon-192.png and icon-512.png with rounded corners ("any"), icon-maskable-512.png full bleed with
the bars inside the safe zone. Run by hand when the design changes (needs Pillow); the PNGs are
committed."""
from pathlib import Path
from PIL import Image, ImageDraw

BLUE, WHITE = (0x1D, 0x4F, 0x91, 255), (255, 255, 255, 255)
# favicon.svg's bars on its 32-unit grid: x from, x to, y from (all end at 22)
BARS = [(8, 12, 10), (14, 18, 6), (20, 24, 14)]
PUBLIC = Path(__file__).resolve().parent.parent / "public"


def icon(size: int, maskable: bool) -> Image.Image:
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    if maskable:
        d.rectangle((0, 0, size, size), fill=BLUE)
        # the safe zone is the central 80 %: the design drawn at 60 %, centred
        scale, offset = size * 0.6 / 32, size * 0.2
    else:
        d.rounded_rectangle((0, 0, size - 1, size - 1), radius=size * 6 / 32, fill=BLUE)
        scale, offset = size / 32, 0
    for x0, x1, y0 in BARS:
        d.rectangle((offset + x0 * scale, offset + y0 * scale, offset + x1 * scale - 1, offset + 22 * scale - 1), fill=WHITE)
    return im


for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)]:
    icon(size, maskable).save(PUBLIC / name, optimize=True)
