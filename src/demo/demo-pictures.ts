import { loadSharp } from '../platform/load-sharp.js'

export const DEMO_PICTURE_WIDTH = 1600
export const DEMO_PICTURE_HEIGHT = 900

/** A small deterministic random generator (mulberry32), so the demo looks the same every time. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function ridge(random: () => number, baseline: number, amplitude: number): string {
  const points: string[] = []
  const phase = random() * Math.PI * 2
  const frequency = 1.5 + random() * 2.5
  for (let x = 0; x <= DEMO_PICTURE_WIDTH; x += 40) {
    const wave = Math.sin(phase + (x / DEMO_PICTURE_WIDTH) * Math.PI * frequency)
    const jitter = (random() - 0.5) * amplitude * 0.25
    points.push(`${x},${Math.round(baseline - wave * amplitude + jitter)}`)
  }
  return `M0,${DEMO_PICTURE_HEIGHT} L${points.join(' L')} L${DEMO_PICTURE_WIDTH},${DEMO_PICTURE_HEIGHT} Z`
}

/**
 * An original landscape-like picture drawn from a hue and a seed: a sky, a sun and layered
 * ridges. Made locally, so the demo needs no downloads and carries no one else's photos.
 */
export function demoPictureSvg(hue: number, seed: number): string {
  const random = seededRandom(seed)
  const sunX = Math.round(200 + random() * 1200)
  const sunY = Math.round(160 + random() * 260)
  const layers = [0, 1, 2, 3].map((depth) => {
    const lightness = 62 - depth * 13
    const baseline = 470 + depth * 110
    return `<path d="${ridge(random, baseline, 70 - depth * 8)}" fill="hsl(${(hue + depth * 12) % 360},${35 + depth * 8}%,${lightness}%)"/>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_PICTURE_WIDTH}" height="${DEMO_PICTURE_HEIGHT}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="hsl(${(hue + 200) % 360},55%,28%)"/>
<stop offset="0.7" stop-color="hsl(${(hue + 20) % 360},70%,72%)"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="hsl(${(hue + 40) % 360},100%,92%)"/>
<stop offset="1" stop-color="hsl(${(hue + 40) % 360},100%,80%)" stop-opacity="0"/></radialGradient></defs>
<rect width="100%" height="100%" fill="url(#sky)"/>
<circle cx="${sunX}" cy="${sunY}" r="230" fill="url(#glow)"/>
<circle cx="${sunX}" cy="${sunY}" r="70" fill="hsl(${(hue + 45) % 360},100%,90%)"/>
${layers.join('\n')}
</svg>`
}

/** The picture as a JPEG of DEMO_PICTURE_WIDTH × DEMO_PICTURE_HEIGHT. */
export async function renderDemoPicture(hue: number, seed: number): Promise<Buffer> {
  const sharp = await loadSharp()
  return sharp(Buffer.from(demoPictureSvg(hue, seed)))
    .jpeg({ quality: 78, mozjpeg: true })
    .toBuffer()
}
