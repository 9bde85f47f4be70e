import { describe, expect, it } from 'vitest'
import { checkFiles, formatFileSize, rejectionMessage } from '@/compose/media-files'
import { DEFAULT_COMPOSE_LIMITS, type ComposeLimits } from '@/compose/limits'

function fileOf(name: string, type: string, size = 10): File {
  const file = new File(['x'], name, { type })
  Object.defineProperty(file, 'size', { value: size })
  return file
}

const MB = 1024 * 1024
const limits: ComposeLimits = {
  ...DEFAULT_COMPOSE_LIMITS,
  maxMediaAttachments: 4,
  supportedMimeTypes: ['image/png', 'image/jpeg', 'video/mp4', 'audio/mpeg'],
  imageSizeLimit: 16 * MB,
  videoSizeLimit: 99 * MB,
}

describe('checkFiles', () => {
  it('takes files of the types the server lists, in order', () => {
    const images = [fileOf('a.png', 'image/png'), fileOf('b.png', 'image/png')]
    expect(checkFiles(images, 0, limits)).toEqual({ accepted: images, rejected: [] })
    for (const single of [fileOf('b.mp4', 'video/mp4'), fileOf('c.mp3', 'audio/mpeg')]) {
      expect(checkFiles([single], 0, limits)).toEqual({ accepted: [single], rejected: [] })
    }
  })

  it('refuses types the server does not list, and files without a type', () => {
    const { accepted, rejected } = checkFiles([fileOf('a.webp', 'image/webp'), fileOf('notes', '')], 0, limits)
    expect(accepted).toEqual([])
    expect(rejected).toEqual([
      { fileName: 'a.webp', reason: 'type' },
      { fileName: 'notes', reason: 'type' },
    ])
  })

  it('takes any image, video or audio when the server does not list its types', () => {
    const open = { ...limits, supportedMimeTypes: null }
    const { accepted, rejected } = checkFiles([fileOf('a.webp', 'image/webp'), fileOf('c.pdf', 'application/pdf')], 0, open)
    expect(accepted.map((file) => file.name)).toEqual(['a.webp'])
    expect(rejected).toEqual([{ fileName: 'c.pdf', reason: 'type' }])
    expect(checkFiles([fileOf('b.ogg', 'audio/ogg')], 0, open).accepted).toHaveLength(1)
  })

  it('refuses images over the image limit and video or audio over the video limit', () => {
    const { accepted, rejected } = checkFiles(
      [
        fileOf('big.png', 'image/png', 16 * MB + 1),
        fileOf('big.mp4', 'video/mp4', 99 * MB + 1),
        fileOf('big.mp3', 'audio/mpeg', 99 * MB + 1),
        fileOf('ok.mp4', 'video/mp4', 20 * MB),
      ],
      0,
      limits,
    )
    expect(accepted.map((file) => file.name)).toEqual(['ok.mp4'])
    expect(checkFiles([fileOf('ok.png', 'image/png', 16 * MB)], 0, limits).accepted).toHaveLength(1)
    expect(rejected).toEqual([
      { fileName: 'big.png', reason: 'size', limit: 16 * MB },
      { fileName: 'big.mp4', reason: 'size', limit: 99 * MB },
      { fileName: 'big.mp3', reason: 'size', limit: 99 * MB },
    ])
  })

  it('has no size limit when the server gives none', () => {
    const open = { ...limits, imageSizeLimit: null }
    expect(checkFiles([fileOf('huge.png', 'image/png', 500 * MB)], 0, open).accepted).toHaveLength(1)
  })

  it('takes no more files than the post has room for; refused files take no room', () => {
    const files = [fileOf('1.png', 'image/png'), fileOf('x.pdf', 'application/pdf'), fileOf('2.png', 'image/png'), fileOf('3.png', 'image/png')]
    const { accepted, rejected } = checkFiles(files, 2, limits)
    expect(accepted.map((file) => file.name)).toEqual(['1.png', '2.png'])
    expect(rejected).toEqual([
      { fileName: 'x.pdf', reason: 'type' },
      { fileName: '3.png', reason: 'count', limit: 4 },
    ])
  })
})

describe('rejection messages', () => {
  it('say sizes the way the limit was set', () => {
    expect(formatFileSize(16 * MB, 'en')).toBe('16 MB')
    expect(formatFileSize(1.5 * MB, 'en')).toBe('1.5 MB')
    expect(formatFileSize(512 * 1024, 'en')).toBe('512 kB')
    expect(formatFileSize(1.5 * MB, 'nl')).toBe('1,5 MB')
  })

  it('name the file and the limit', () => {
    expect(rejectionMessage({ fileName: 'big.png', reason: 'size', limit: 16 * MB }, 'en')).toEqual({
      key: 'compose.media.rejected.size',
      values: { name: 'big.png', limit: '16 MB' },
    })
    expect(rejectionMessage({ fileName: '5.png', reason: 'count', limit: 4 }, 'en')).toEqual({
      key: 'compose.media.rejected.count',
      values: { name: '5.png', count: 4 },
    })
  })
})

describe('a video or audio file goes alone (as Mastodon wants)', () => {
  it('refuses a video next to images, and anything next to a video', () => {
    const mixed = checkFiles([fileOf('a.png', 'image/png'), fileOf('b.mp4', 'video/mp4')], 0, limits)
    expect(mixed.accepted.map((f) => f.name)).toEqual(['a.png'])
    expect(mixed.rejected).toEqual([{ fileName: 'b.mp4', reason: 'mixed' }])
    const afterVideo = checkFiles([fileOf('c.png', 'image/png')], 1, limits, ['video/mp4'])
    expect(afterVideo.rejected).toEqual([{ fileName: 'c.png', reason: 'mixed' }])
    expect(checkFiles([fileOf('d.mp3', 'audio/mpeg')], 0, limits).accepted).toHaveLength(1)
  })

  it('says so in words', () => {
    expect(rejectionMessage({ fileName: 'b.mp4', reason: 'mixed' }, 'en')).toEqual({ key: 'compose.media.rejected.mixed', values: { name: 'b.mp4' } })
  })
})
