import { describe, expect, it } from 'vitest'
import { matchEmbed } from './embed-providers.js'

const cases: [string, string, string][] = [
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ['//www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'vimeo', 'https://vimeo.com/76979871'],
  ['https://vimeo.com/channels/staffpicks/76979871', 'vimeo', 'https://vimeo.com/76979871'],
  ['https://twitter.com/NASA/status/1234567890123', 'x', 'https://x.com/NASA/status/1234567890123'],
  ['https://mobile.x.com/NASA/status/1234567890123?s=20', 'x', 'https://x.com/NASA/status/1234567890123'],
  ['https://www.instagram.com/p/CxYz_12-ab/embed/', 'instagram', 'https://www.instagram.com/p/CxYz_12-ab/'],
  ['https://instagram.com/reel/CxYz12ab', 'instagram', 'https://www.instagram.com/reel/CxYz12ab/'],
  [
    'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnasa%2Fposts%2F10158&width=500',
    'facebook',
    'https://www.facebook.com/nasa/posts/10158',
  ],
  ['https://www.facebook.com/watch/?v=123456&ref=x', 'facebook', 'https://www.facebook.com/watch?v=123456'],
  [
    'https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293&color=ff5500',
    'soundcloud',
    'https://api.soundcloud.com/tracks/293',
  ],
  ['https://soundcloud.com/forss/flickermood', 'soundcloud', 'https://soundcloud.com/forss/flickermood'],
  ['https://www.tiktok.com/@scout2015/video/6718335390845095173', 'tiktok', 'https://www.tiktok.com/@scout2015/video/6718335390845095173'],
  ['https://www.tiktok.com/embed/v2/6718335390845095173', 'tiktok', 'https://www.tiktok.com/embed/v2/6718335390845095173'],
] // prettier-ignore

describe('matchEmbed', () => {
  it.each(cases)('recognises %s', (url, provider, canonical) => {
    expect(matchEmbed(url)).toEqual({ provider, url: canonical })
    expect(matchEmbed(canonical)).toEqual({ provider, url: canonical })
  })

  it('leaves other URLs alone', () => {
    for (const url of [
      'https://www.youtube.com/channel/UC123',
      'https://www.youtube.com/watch?v=short',
      'https://vimeo.com/about',
      'https://x.com/NASA',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ',
      'https://www.facebook.com/',
      'not a url',
    ]) {
      expect(matchEmbed(url), url).toBeUndefined()
    }
  })
})
