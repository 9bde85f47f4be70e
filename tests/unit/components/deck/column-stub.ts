// Stands in for the column content (its own tests cover it): shows the column it got.
import { defineComponent, h, type PropType } from 'vue'
import type { ColumnSpec } from '@/timeline/column-spec'

export const ColumnTimelineStub = defineComponent({
  name: 'ColumnTimeline',
  props: { column: { type: Object as PropType<ColumnSpec>, required: true } },
  setup(props) {
    return () => h('div', { 'data-test': 'timeline', 'data-type': props.column.type, 'data-account': props.column.accountKey })
  },
})
