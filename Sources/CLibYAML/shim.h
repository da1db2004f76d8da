// The system libyaml (Debian: libyaml-dev), used through its event API only.
#include <yaml.h>
