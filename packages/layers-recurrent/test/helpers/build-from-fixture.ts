import { Bidirectional, GRU, LSTM, type RecurrentActivation, type RNN, SimpleRNN } from '../../src/index';

type KerasConfig = Record<string, string | number | boolean | null>;

const activationName = (name: unknown): RecurrentActivation =>
  name === 'hard_sigmoid' ? 'hardSigmoid' : (name as RecurrentActivation);

/** Builds the tensorseq layer a fixture case describes (Keras snake_case config → options). */
export function buildRecurrent(
  layer: string,
  config: KerasConfig,
  extra: { useFusedKernel: 'auto' | boolean; returnState?: boolean },
): RNN | Bidirectional {
  const options = {
    units: config.units as number,
    activation: activationName(config.activation),
    useBias: config.use_bias as boolean,
    returnSequences: config.return_sequences as boolean,
    goBackwards: (config.go_backwards as boolean | undefined) ?? false,
    ...extra,
  };
  const gates = config.recurrent_activation
    ? { recurrentActivation: activationName(config.recurrent_activation) }
    : {};
  switch (layer) {
    case 'SimpleRNN':
      return new SimpleRNN(options);
    case 'LSTM':
      return new LSTM({ ...options, ...gates });
    case 'GRU':
      return new GRU({ ...options, ...gates, resetAfter: config.reset_after as boolean });
    case 'Bidirectional': {
      const inner = buildRecurrent(config.wrapped_layer as string, config, extra) as RNN;
      return new Bidirectional(inner, { mergeMode: config.merge_mode as 'concat' });
    }
    default:
      throw new Error(`buildRecurrent: layer must be a recurrent layer. Received: layer=${layer}.`);
  }
}
