import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const ownFile = (name: string) => fileURLToPath(new URL(name, import.meta.url))

/** The files the site's assets are built from: its own and the self-hosted Arabic fonts. */
export const SITE_ASSET_SOURCES = {
  'site.css': { file: ownFile('./site.css'), contentType: 'text/css; charset=utf-8' },
  'site.js': { file: ownFile('./site.js'), contentType: 'text/javascript; charset=utf-8' },
  /** Drawn to logo.png at build. */
  'logo.svg': { file: ownFile('./logo.svg'), contentType: 'image/svg+xml' },
  'naskh-400.woff2': {
    file: require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2'),
    contentType: 'font/woff2',
  },
  'naskh-700.woff2': {
    file: require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2'),
    contentType: 'font/woff2',
  },
  'kufi-700.woff2': {
    file: require.resolve('@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2'),
    contentType: 'font/woff2',
  },
} satisfies Record<string, { file: string; contentType: string }>

/** The logical name of a built asset, as pages ask for it. */
export type AssetName = Exclude<keyof typeof SITE_ASSET_SOURCES, 'logo.svg'> | 'logo.png'
