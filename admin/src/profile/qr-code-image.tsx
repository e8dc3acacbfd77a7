import { drawQrCode } from './qr-code.js'

/** A QR code of `text` as inline SVG (no image request, nothing for the CSP to allow). */
export function QrCodeImage({ text, label }: { text: string; label: string }) {
  const { size, path } = drawQrCode(text)
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={size * 4}
      height={size * 4}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
