// Declarations for the generated register-all-gradients.js, so that the published .d.ts carries this one
// signature and never the generated JavaScript.
/** Registers every tfjs-core 4.22 gradient with the tfjs-core engine. */
export declare function registerAllGradients(): void;
