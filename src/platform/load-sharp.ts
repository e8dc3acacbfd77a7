import type sharp from 'sharp'

let loading: Promise<typeof sharp> | undefined

/**
 * sharp, loaded at the first picture rather than at start: importing it maps libvips and its
 * codecs, megabytes of resident memory that a process serving only pages never needs.
 */
export function loadSharp(): Promise<typeof sharp> {
  loading ??= import('sharp').then((module) => module.default)
  return loading
}
