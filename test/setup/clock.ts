// Every test file starts at the run's chosen instant (helpers/clock.ts), never at the wall clock.
import { installTestClock } from '../helpers/clock'

installTestClock()
