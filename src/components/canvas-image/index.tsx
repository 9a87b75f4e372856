/**
 * A picture drawn on a canvas and handed out as an image (a certificate, a poster): on WeChat on a hidden
 * `<canvas type="2d">` of the page, exported with canvasToTempFilePath and saved to the album; in a browser on a
 * canvas of its own, exported as a PNG data URL and downloaded.
 */
import { useCallback } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Ctx2D } from './draw'

export interface Drawing {
  width: number
  height: number
  /** Pictures to load first (URLs or data URLs); `draw` gets them in this order, null for one that failed. */
  images?: string[]
  draw: (ctx: Ctx2D, images: Array<CanvasImageSource | null>) => void
}

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): unknown
  createImage?: () => HTMLImageElement
}

const PROBLEM = '图片没能生成，请稍后再试'

function loadImage(canvas: CanvasNode, src: string): Promise<CanvasImageSource | null> {
  return new Promise((resolve) => {
    const image = canvas.createImage ? canvas.createImage() : new Image()
    if (!canvas.createImage && !src.startsWith('data:')) image.crossOrigin = 'anonymous'
    image.onload = () => resolve(image)
    image.onerror = () => resolve(null)
    image.src = src
  })
}

function weappCanvas(id: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode } | null>) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error(PROBLEM))
      })
  })
}

/** Draws `drawing` and answers the image: a temporary file path on WeChat, a PNG data URL in a browser. */
async function renderOn(id: string, drawing: Drawing): Promise<string> {
  const weapp = process.env.TARO_ENV === 'weapp'
  const canvas: CanvasNode = weapp
    ? await weappCanvas(id)
    : (document.createElement('canvas') as unknown as CanvasNode)
  canvas.width = drawing.width
  canvas.height = drawing.height
  const ctx = canvas.getContext('2d') as Ctx2D | null
  if (!ctx) throw new Error(PROBLEM)
  const images = await Promise.all((drawing.images ?? []).map((src) => loadImage(canvas, src)))
  drawing.draw(ctx, images)
  if (weapp) {
    const out = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never)
    return out.tempFilePath
  }
  return (canvas as unknown as HTMLCanvasElement).toDataURL('image/png')
}

/**
 * `node` is the page's hidden canvas (WeChat only; render it once on the page); `render` draws and answers
 * the image, or throws an Error with a Chinese message.
 */
export function useCanvasImage(id: string, width: number, height: number) {
  const render = useCallback(
    async (drawing: Drawing) => {
      try {
        return await renderOn(id, drawing)
      } catch {
        throw new Error(PROBLEM)
      }
    },
    [id],
  )
  const node =
    process.env.TARO_ENV === 'weapp' ? (
      <Canvas
        type="2d"
        id={id}
        style={{ position: 'fixed', left: '-10000px', top: '0', width: `${width}px`, height: `${height}px` }}
      />
    ) : null
  return { node, render }
}

export type SaveOutcome = 'saved' | 'denied' | 'cancelled'

/**
 * Keeps the image on the phone: on WeChat in the album (the person may refuse the album once, after which
 * WeChat asks no more — `denied`, see openAlbumSetting), in a browser as a downloaded PNG named `fileName`.
 */
export async function saveImage(src: string, fileName: string): Promise<SaveOutcome> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: src })
      return 'saved'
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? '')
      if (/auth|deny|denied|authorize/i.test(msg)) return 'denied'
      if (/cancel/i.test(msg)) return 'cancelled'
      throw new Error('没能保存到相册，请稍后再试')
    }
  }
  const link = document.createElement('a')
  link.href = src
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  return 'saved'
}

/** WeChat's settings page, where a person who refused the album can allow it. */
export function openAlbumSetting(): void {
  Taro.openSetting().catch(() => undefined)
}
