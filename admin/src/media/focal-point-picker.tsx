import type { KeyboardEvent, MouseEvent } from 'react'
import { useI18n } from '../i18n/i18n-context.js'

const STEP = 0.05
const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000))

/**
 * The picture with its focal point marked: a click sets the point where it lands, the arrow keys
 * move it. Positions are fractions of width and height, as the server keeps them.
 */
export function FocalPointPicker({
  src,
  width,
  height,
  value,
  onChange,
}: {
  src: string
  width: number
  height: number
  value: { x: number; y: number }
  onChange: (point: { x: number; y: number }) => void
}) {
  const { t } = useI18n()
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    onChange({
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    })
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    }
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    onChange({ x: clamp(value.x + move[0]), y: clamp(value.y + move[1]) })
  }
  const percent = { x: Math.round(value.x * 100), y: Math.round(value.y * 100) }
  return (
    <div className="focal-point">
      <span className="label" id="focal-label">
        {t('focalPoint')}
      </span>
      {/* Pointer and keyboard both work; the hint says how, and where the point is now. */}
      <div
        className="focal-image"
        role="group"
        tabIndex={0}
        aria-labelledby="focal-label"
        aria-describedby="focal-hint"
        onClick={onClick}
        onKeyDown={onKeyDown}
        dir="ltr"
      >
        <img src={src} alt="" width={width} height={height} draggable={false} />
        <span
          className="focal-marker"
          aria-hidden="true"
          style={{ left: `${value.x * 100}%`, top: `${value.y * 100}%` }}
        />
      </div>
      <p className="hint" id="focal-hint">
        {t('focalPointHint', percent)}
      </p>
    </div>
  )
}
