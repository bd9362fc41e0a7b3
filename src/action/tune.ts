/** Imported first by the action's entry point: the V8 streaming tuning before anything else loads. */
import { tuneForStreaming } from '../runtime.js';

tuneForStreaming();
