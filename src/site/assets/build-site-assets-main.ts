import { buildSiteAssets, siteAssetsFolder } from './build-site-assets.js'

// `npm run build` runs this after compiling: the site's hashed, precompressed files in dist/.
const build = await buildSiteAssets()
console.log(`site assets: ${Object.keys(build.assets).length} files in ${siteAssetsFolder()}`)
