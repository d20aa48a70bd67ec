/**
 * Composes the demo illustrations as SVG: pure functions of a Random, so the same seed draws the same picture.
 * Each section has a palette and a motif, and every drawing comes with alt text that describes what it shows
 * (readers using a screen reader get the picture, not a placeholder).
 */
import { strokeText } from './glyphs';
import type { Random } from './random';

export const HERO_WIDTH = 1200;
export const HERO_HEIGHT = 675;
export const AVATAR_SIZE = 256;

/** One picture to render: its SVG source, the file it becomes, and alt text describing it. */
export type ImageJob = { fileName: string; svg: string; width: number; height: number; alt: string };

type Colour = { hex: string; name: string };
type Palette = { sky: [Colour, Colour]; ink: Colour; accent: Colour; light: Colour };
type Drawing = { body: string; description: string };
type Motif = (random: Random, palette: Palette) => Drawing;

const c = (hex: string, name: string): Colour => ({ hex, name });

const PALETTES: Record<string, Palette> = {
  news: { sky: [c('#1f3a5f', 'navy'), c('#4f6d8f', 'slate blue')], ink: c('#0f1f33', 'ink blue'), accent: c('#d64545', 'red'), light: c('#f2efe8', 'cream') },
  politics: { sky: [c('#2b1d3f', 'aubergine'), c('#7a2e3b', 'claret')], ink: c('#1b1226', 'deep purple'), accent: c('#e0b04a', 'gold'), light: c('#f4eadb', 'parchment') },
  business: { sky: [c('#0f3d35', 'dark green'), c('#1f6f5f', 'teal')], ink: c('#082620', 'forest green'), accent: c('#f0b429', 'amber'), light: c('#e8f3ef', 'pale mint') },
  world: { sky: [c('#0b4f6c', 'ocean blue'), c('#4ea5c6', 'sky blue')], ink: c('#07324a', 'deep sea blue'), accent: c('#d9734e', 'terracotta'), light: c('#f3e3c3', 'sand') },
  science: { sky: [c('#1a1446', 'midnight indigo'), c('#4b2c83', 'violet')], ink: c('#0c0a26', 'near black'), accent: c('#3fd0e0', 'cyan'), light: c('#e6e1ff', 'lavender') },
  technology: { sky: [c('#0d1117', 'charcoal'), c('#1d2b3a', 'gunmetal')], ink: c('#05080c', 'black'), accent: c('#19d3a2', 'electric green'), light: c('#d7e3f4', 'ice blue') },
  culture: { sky: [c('#4a1942', 'plum'), c('#c0504d', 'coral red')], ink: c('#2a0d25', 'wine'), accent: c('#f2c14e', 'mustard'), light: c('#fbe7d4', 'peach') },
  sport: { sky: [c('#145a32', 'pitch green'), c('#27864a', 'grass green')], ink: c('#0b3320', 'dark green'), accent: c('#ff8c1a', 'orange'), light: c('#f7f7f2', 'white') },
  climate: { sky: [c('#0e5e6f', 'deep teal'), c('#3a9d8f', 'sea green')], ink: c('#083b45', 'dark teal'), accent: c('#f6c343', 'sun yellow'), light: c('#e3f4ea', 'pale green') },
  health: { sky: [c('#2d6a9f', 'clinic blue'), c('#6fb7c9', 'soft aqua')], ink: c('#163a59', 'dark blue'), accent: c('#e5484d', 'signal red'), light: c('#f1fbf8', 'mint white') },
};

const n = (value: number) => Math.round(value * 10) / 10;
const W = HERO_WIDTH;
const H = HERO_HEIGHT;

function skyline(random: Random, p: Palette): Drawing {
  let x = -20;
  let body = '';
  while (x < W) {
    const width = random.int(60, 150);
    const height = random.int(160, 460);
    body += `<rect x="${x}" y="${H - height}" width="${width}" height="${height}" fill="${p.ink.hex}" opacity="${n(random.float(0.75, 1))}"/>`;
    for (let wy = H - height + 24; wy < H - 30; wy += 36) {
      if (random.chance(0.5)) body += `<rect x="${x + 14}" y="${wy}" width="${width - 28}" height="8" fill="${p.light.hex}" opacity="0.18"/>`;
    }
    x += width + random.int(4, 18);
  }
  return { body, description: `a city skyline of ${p.ink.name} towers` };
}

function columns(random: Random, p: Palette): Drawing {
  const count = random.int(5, 8);
  const left = 260;
  const right = W - 260;
  const gap = (right - left) / count;
  let body = `<polygon points="${left - 40},260 ${W / 2},${random.int(130, 170)} ${right + 40},260" fill="${p.light.hex}"/>`;
  body += `<rect x="${left - 40}" y="260" width="${right - left + 80}" height="26" fill="${p.light.hex}"/>`;
  for (let i = 0; i < count; i++) {
    body += `<rect x="${n(left + i * gap + gap * 0.25)}" y="296" width="${n(gap * 0.5)}" height="260" fill="${p.light.hex}" opacity="0.92"/>`;
  }
  for (let step = 0; step < 3; step++) {
    body += `<rect x="${left - 60 - step * 30}" y="${556 + step * 24}" width="${right - left + 120 + step * 60}" height="24" fill="${p.light.hex}" opacity="${n(0.85 - step * 0.15)}"/>`;
  }
  return { body, description: `a ${p.light.name} columned parliament building` };
}

function bars(random: Random, p: Palette): Drawing {
  const count = random.int(7, 11);
  const width = (W - 200) / count;
  let level = random.int(120, 220);
  let body = '';
  const points: string[] = [];
  for (let i = 0; i < count; i++) {
    level = Math.max(80, Math.min(520, level + random.int(-60, 90)));
    const x = 100 + i * width;
    body += `<rect x="${n(x + width * 0.15)}" y="${H - 60 - level}" width="${n(width * 0.7)}" height="${level}" rx="6" fill="${p.light.hex}" opacity="0.85"/>`;
    points.push(`${n(x + width / 2)},${H - 90 - level}`);
  }
  body += `<polyline points="${points.join(' ')}" fill="none" stroke="${p.accent.hex}" stroke-width="10" stroke-linejoin="round" stroke-linecap="round"/>`;
  return { body, description: `a bar chart with an ${p.accent.name} trend line` };
}

function globe(random: Random, p: Palette): Drawing {
  const cx = random.int(420, 780);
  const cy = random.int(300, 380);
  const r = random.int(220, 270);
  let body = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${p.ink.hex}" opacity="0.55"/>`;
  for (let i = 1; i <= 3; i++) {
    body += `<ellipse cx="${cx}" cy="${cy}" rx="${n((r * i) / 3.5)}" ry="${r}" fill="none" stroke="${p.light.hex}" stroke-width="3" opacity="0.6"/>`;
    body += `<ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${n((r * i) / 3.5)}" fill="none" stroke="${p.light.hex}" stroke-width="3" opacity="0.6"/>`;
  }
  for (let i = 0; i < 4; i++) {
    const angle = random.float(0, Math.PI * 2);
    const d = random.float(0.2, 0.8) * r;
    body += `<circle cx="${n(cx + Math.cos(angle) * d)}" cy="${n(cy + Math.sin(angle) * d)}" r="${random.int(12, 22)}" fill="${p.accent.hex}"/>`;
  }
  return { body, description: `a globe criss-crossed by meridians with ${p.accent.name} markers` };
}

function orbits(random: Random, p: Palette): Drawing {
  const cx = random.int(450, 750);
  const cy = random.int(280, 400);
  let body = `<circle cx="${cx}" cy="${cy}" r="${random.int(50, 80)}" fill="${p.accent.hex}"/>`;
  for (let i = 1; i <= 4; i++) {
    const rx = 120 + i * 90;
    const tilt = random.int(-25, 25);
    const angle = random.float(0, Math.PI * 2);
    body += `<g transform="rotate(${tilt} ${cx} ${cy})"><ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${n(rx * 0.38)}" fill="none" stroke="${p.light.hex}" stroke-width="2.5" opacity="0.55"/>`;
    body += `<circle cx="${n(cx + Math.cos(angle) * rx)}" cy="${n(cy + Math.sin(angle) * rx * 0.38)}" r="${random.int(10, 26)}" fill="${p.light.hex}"/></g>`;
  }
  return { body, description: `planets on ${p.light.name} orbits around a ${p.accent.name} star` };
}

function circuit(random: Random, p: Palette): Drawing {
  let body = '';
  for (let i = 0; i < 14; i++) {
    let x = random.int(0, 24) * 50;
    let y = random.int(2, 12) * 50;
    const points = [`${x},${y}`];
    for (let step = 0; step < random.int(3, 6); step++) {
      if (random.chance(0.5)) x += random.int(-4, 4) * 50;
      else y += random.int(-3, 3) * 50;
      points.push(`${x},${y}`);
    }
    body += `<polyline points="${points.join(' ')}" fill="none" stroke="${p.accent.hex}" stroke-width="4" opacity="0.8"/>`;
    body += `<circle cx="${x}" cy="${y}" r="9" fill="${p.light.hex}"/>`;
  }
  return { body, description: `${p.accent.name} circuit traces with glowing nodes` };
}

function stage(random: Random, p: Palette): Drawing {
  let body = '';
  for (let i = 0; i < 3; i++) {
    const top = random.int(150, 1050);
    const bottom = random.int(300, 900);
    body += `<polygon points="${top - 20},0 ${top + 20},0 ${bottom + 190},${H} ${bottom - 190},${H}" fill="${p.accent.hex}" opacity="0.22"/>`;
  }
  body += `<path d="M0 0 Q 160 ${random.int(300, 420)} 90 ${H} L 0 ${H} Z" fill="${p.ink.hex}"/>`;
  body += `<path d="M${W} 0 Q ${W - 160} ${random.int(300, 420)} ${W - 90} ${H} L ${W} ${H} Z" fill="${p.ink.hex}"/>`;
  body += `<ellipse cx="${W / 2}" cy="${H - 20}" rx="520" ry="70" fill="${p.light.hex}" opacity="0.25"/>`;
  return { body, description: `a theatre stage lit by ${p.accent.name} spotlights between ${p.ink.name} curtains` };
}

function track(random: Random, p: Palette): Drawing {
  const top = random.int(150, 220);
  let body = '';
  for (let lane = 0; lane < 6; lane++) {
    const inset = lane * 34;
    body += `<rect x="${80 + inset}" y="${top + inset}" width="${W - 160 - inset * 2}" height="${H * 1.3 - inset * 2}" rx="${n(260 - inset)}" fill="none" stroke="${p.light.hex}" stroke-width="4" opacity="0.7"/>`;
  }
  body += `<circle cx="${random.int(250, 950)}" cy="${random.int(100, 160)}" r="26" fill="${p.accent.hex}"/>`;
  return { body, description: `white lanes of a running track and an ${p.accent.name} ball` };
}

function waves(random: Random, p: Palette): Drawing {
  let body = `<circle cx="${random.int(250, 950)}" cy="${random.int(150, 230)}" r="${random.int(70, 110)}" fill="${p.accent.hex}"/>`;
  for (let i = 0; i < 4; i++) {
    const y = 380 + i * 70;
    const amplitude = random.int(20, 45);
    const crest = random.int(150, 260);
    // One quadratic curve, then smooth reflections of it: a sine-like swell rather than a row of scallops.
    let d = `M0 ${y} q ${crest / 4} ${i % 2 ? amplitude : -amplitude} ${crest / 2} 0`;
    for (let x = crest / 2; x < W; x += crest / 2) d += ` t ${crest / 2} 0`;
    body += `<path d="${d} L ${W} ${H} L 0 ${H} Z" fill="${i % 2 ? p.ink.hex : p.light.hex}" opacity="${n(0.35 + i * 0.15)}"/>`;
  }
  return { body, description: `rolling waves under a ${p.accent.name} sun` };
}

function pulse(random: Random, p: Palette): Drawing {
  const y = random.int(300, 380);
  const points = [`0,${y}`];
  for (let x = 100; x < W; x += random.int(120, 200)) {
    if (random.chance(0.5)) points.push(`${x},${y}`, `${x + 20},${y - random.int(80, 200)}`, `${x + 45},${y + random.int(60, 140)}`, `${x + 65},${y}`);
    else points.push(`${x},${y}`);
  }
  points.push(`${W},${y}`);
  const cx = random.int(150, 1050);
  let body = `<rect x="${cx - 28}" y="60" width="56" height="170" rx="8" fill="${p.light.hex}" opacity="0.4"/><rect x="${cx - 85}" y="117" width="170" height="56" rx="8" fill="${p.light.hex}" opacity="0.4"/>`;
  body += `<polyline points="${points.join(' ')}" fill="none" stroke="${p.accent.hex}" stroke-width="9" stroke-linejoin="round"/>`;
  return { body, description: `a ${p.accent.name} heartbeat line beside a medical cross` };
}

const MOTIFS: Record<string, Motif> = {
  news: skyline,
  politics: columns,
  business: bars,
  world: globe,
  science: orbits,
  technology: circuit,
  culture: stage,
  sport: track,
  climate: waves,
  health: pulse,
};

function paletteFor(sectionSlug: string): Palette {
  return PALETTES[sectionSlug] ?? (PALETTES.news as Palette);
}

/** A hero illustration for a story in `sectionSlug`, with alt text describing it. */
export function heroSvg(random: Random, sectionSlug: string): { svg: string; alt: string } {
  const palette = paletteFor(sectionSlug);
  const motif = MOTIFS[sectionSlug] ?? skyline;
  const angle = random.int(0, 359);
  let backdrop = '';
  for (let i = 0; i < random.int(2, 4); i++) {
    backdrop += `<circle cx="${random.int(0, W)}" cy="${random.int(0, H)}" r="${random.int(120, 380)}" fill="${random.chance(0.5) ? palette.accent.hex : palette.light.hex}" opacity="${n(random.float(0.06, 0.16))}"/>`;
  }
  const drawing = motif(random, palette);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs><linearGradient id="sky" gradientTransform="rotate(${angle} 0.5 0.5)">` +
    `<stop offset="0" stop-color="${palette.sky[0].hex}"/><stop offset="1" stop-color="${palette.sky[1].hex}"/></linearGradient></defs>` +
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>${backdrop}${drawing.body}</svg>`;
  const alt = `Illustration: ${drawing.description} on a ${palette.sky[0].name} and ${palette.sky[1].name} background.`;
  return { svg, alt };
}

/** A round portrait badge with the person's initials, drawn as strokes so no font is needed. */
export function avatarSvg(random: Random, name: string): { svg: string; alt: string } {
  const palette = random.pick(Object.values(PALETTES));
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const S = AVATAR_SIZE;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">` +
    `<circle cx="${S / 2}" cy="${S / 2}" r="${S / 2}" fill="${palette.sky[0].hex}"/>` +
    `<circle cx="${S / 2}" cy="${S / 2}" r="${S / 2 - 14}" fill="none" stroke="${palette.accent.hex}" stroke-width="6"/>` +
    strokeText(initials, { centreX: S / 2, centreY: S / 2, unit: 6, colour: palette.light.hex }) +
    `</svg>`;
  return { svg, alt: `Portrait badge of ${name}: the initials ${initials} on a ${palette.sky[0].name} circle.` };
}

export function heroFileName(index: number): string {
  return `demo-hero-${String(index).padStart(4, '0')}.webp`;
}

export function avatarFileName(index: number): string {
  return `demo-avatar-${String(index).padStart(2, '0')}.webp`;
}

export function heroJob(random: Random, index: number, sectionSlug: string): ImageJob {
  const { svg, alt } = heroSvg(random, sectionSlug);
  return { fileName: heroFileName(index), svg, width: HERO_WIDTH, height: HERO_HEIGHT, alt };
}

export function avatarJob(random: Random, index: number, name: string): ImageJob {
  const { svg, alt } = avatarSvg(random, name);
  return { fileName: avatarFileName(index), svg, width: AVATAR_SIZE, height: AVATAR_SIZE, alt };
}
