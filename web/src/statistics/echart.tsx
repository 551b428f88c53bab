import type { ECElementEvent, EChartsType } from 'echarts/core'
import { useEffect, useRef } from 'react'
import { CHART_FONT, type ChartOption, init, PALETTE } from './echarts.ts'

export interface ChartClick {
  name: string
  dataIndex: number
  seriesIndex: number
}

/**
 * One ECharts instance bound to a div: created once, given each new option whole (no merging with the
 * previous one, so a removed series disappears) and resized with its box. The chart is hidden from screen
 * readers; each card's data table says the same in words and numbers.
 */
export function EChart({
  option,
  height = 320,
  onClick,
}: {
  option: ChartOption
  height?: number
  onClick?: (click: ChartClick) => void
}) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  const clickRef = useRef(onClick)
  clickRef.current = onClick

  useEffect(() => {
    const el = box.current
    if (!el) return
    const instance = init(el, null, { renderer: 'svg' })
    chart.current = instance
    instance.on('click', (e: ECElementEvent) =>
      clickRef.current?.({ name: e.name, dataIndex: e.dataIndex, seriesIndex: e.seriesIndex ?? 0 }),
    )
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(
      { color: PALETTE, textStyle: { fontFamily: CHART_FONT }, animation: false, ...option },
      { notMerge: true },
    )
  }, [option])

  return (
    <div
      ref={box}
      className={onClick ? 'chart chart-clickable' : 'chart'}
      style={{ height }}
      aria-hidden="true"
      data-testid="chart"
    />
  )
}
