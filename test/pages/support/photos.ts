/**
 * Photos the phone's album hands over in pages tests: small PNGs the test draws, picked by replacing
 * `Taro.chooseImage`, from a person who agreed to the privacy policy before (the album asks first otherwise:
 * test/pages/privacy.test.tsx).
 */
import Taro from '@tarojs/taro'
import { rememberAgreementInBrowser } from '@/services/privacy'
import { encodePng } from '../../../emulator/png'

/** The emulator's image check refuses a picture carrying this text (IMAGE_RISK_MARKER, emulator/README.md). */
export const IMAGE_RISK_MARKER = 'xiaoshe:risky-image'

/** A 10×10 picture, different for each seed; `text` goes into its PNG text chunks. */
export const picture = (seed: number, text: Record<string, string> = {}): Buffer =>
  encodePng(10, 10, (x, y) => [(seed * 37 + x * 11) & 255, (seed * 13 + y * 7) & 255, seed & 255], text)

/** A picture the image check refuses. */
export const riskyPicture = (seed: number): Buffer => picture(seed, { Comment: IMAGE_RISK_MARKER })

/** The person picks these photos the next time the album opens. */
export function nextPicked(photos: Buffer[]) {
  rememberAgreementInBrowser()
  return jest.spyOn(Taro, 'chooseImage').mockResolvedValueOnce({
    tempFilePaths: photos.map((bytes) => `data:image/png;base64,${bytes.toString('base64')}`),
  } as unknown as Taro.chooseImage.SuccessCallbackResult)
}
