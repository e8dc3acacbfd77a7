import qrcode from 'qrcode-generator'

/** Modules of blank margin around a code, as the QR standard asks of scanners' "quiet zone". */
const QUIET_ZONE = 4

/** A QR code as an SVG drawing: its side in modules (margin included) and one path of the dark ones. */
export interface QrDrawing {
  size: number
  path: string
}

/**
 * Draws `text` as a QR code (error correction M, the smallest version that holds it). The text is
 * encoded byte by byte, so it must be ASCII, as an otpauth:// URI with its percent-encoding is.
 */
export function drawQrCode(text: string): QrDrawing {
  const code = qrcode(0, 'M')
  code.addData(text, 'Byte')
  code.make()
  const count = code.getModuleCount()
  const squares: string[] = []
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (code.isDark(row, column))
        squares.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`)
    }
  }
  return { size: count + QUIET_ZONE * 2, path: squares.join('') }
}
