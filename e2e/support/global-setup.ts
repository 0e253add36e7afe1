import { describeTarget } from './target'

// One clear line saying which app the suite drives: never a silent switch.
export default function globalSetup(): void {
  console.log(describeTarget())
}
