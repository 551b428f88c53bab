import { MapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
import { registerMap, use } from 'echarts/core'
import { useMemo } from 'react'
import provincesCsv from '../../../reference/provinces.csv?raw'
import boundariesText from '../../../reference/provinces.geojson?raw'
import { useI18n } from '../i18n/i18n.tsx'
import { escapeHtml, type Formats } from './chart-options.ts'
import { EChart } from './echart.tsx'
import { type ChartOption, WITHHELD_STYLE } from './echarts.ts'
import { boundariesByCode, parseProvincesCsv } from './provinces.ts'
import type { Point, Shaped } from './shape.ts'

// The map, its colour scale and the boundaries (350 kB) load only when a map is shown.
use([MapChart, VisualMapComponent])
const PROVINCES = parseProvincesCsv(provincesCsv)
const MAP = 'cambodia-provinces'
registerMap(MAP, boundariesByCode(JSON.parse(boundariesText), PROVINCES) as never)

const NO_DATA: Point = { value: 0, status: 'published' }

/** A choropleth of the 25 provinces; withheld provinces are hatched grey, outside the colour scale. */
export default function ProvinceMap({
  shaped,
  formats,
  onSelect,
}: {
  shaped: Shaped
  formats: Formats
  onSelect?: (code: string) => void
}) {
  const { locale } = useI18n()
  const option = useMemo<ChartOption>(() => {
    const points = new Map(shaped.categories.map((c, i) => [c.code, shaped.series[0]?.points[i] ?? NO_DATA]))
    const name = (code: string) => {
      const p = PROVINCES.find((x) => x.code === code)
      return (locale === 'km' ? p?.nameKm : p?.nameEn) ?? code
    }
    const max = Math.max(1, ...[...points.values()].map((p) => p.value ?? 0))
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const code = (params as { name?: string }).name ?? ''
          return `<b>${escapeHtml(name(code))}</b><br/>${escapeHtml(formats.point(points.get(code) ?? NO_DATA))}`
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        left: 8,
        bottom: 8,
        calculable: false,
        text: [formats.number(max), formats.number(0)],
        formatter: (v: unknown) => formats.number(Math.round(Number(v))),
        inRange: { color: ['#e8f1f8', '#0b4f6c'] },
      },
      series: [
        {
          type: 'map',
          map: MAP,
          nameProperty: 'code',
          selectedMode: false,
          emphasis: { label: { show: true, formatter: (p: { name: string }) => name(p.name) } },
          data: PROVINCES.map((p) => {
            const point = points.get(p.code) ?? NO_DATA
            return point.value === null
              ? {
                  name: p.code,
                  value: Number.NaN,
                  itemStyle: { areaColor: WITHHELD_STYLE.color, decal: WITHHELD_STYLE.decal },
                }
              : { name: p.code, value: point.value }
          }),
        },
      ],
    }
  }, [shaped, formats, locale])
  return (
    <EChart option={option} height={420} onClick={onSelect ? (c) => c.name && onSelect(c.name) : undefined} />
  )
}
