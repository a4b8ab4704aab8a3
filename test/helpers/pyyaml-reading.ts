// The reading the record's YAML values are checked against, as Python source for the tests'
// oracles: PyYAML's SafeLoader (YAML 1.1) with OmegaConf's float resolver (omegaconf/_utils.py
// get_yaml_loader: 1e-3 is a float) and no timestamps (dates stay the text written). Defines
// the loader class `Reading`; the script imports re and yaml.
export const PYYAML_READING = String.raw`
class Reading(yaml.SafeLoader): pass
Reading.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r'''^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$''', re.X), list("-+0123456789."))
Reading.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"] for k, v in Reading.yaml_implicit_resolvers.items()}
`;
