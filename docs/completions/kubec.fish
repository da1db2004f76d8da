function __kubec_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kubec_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __kubec_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kubec_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __kubec_parse_tokens -S
    set -l unparsed_tokens (__kubec_tokens -pc)
    switch $unparsed_tokens[1]
    case 'kubec'
        __kubec_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'lint'
            __kubec_parse_subcommand -r 1 'output=' 'kubernetes-version=' 'strict' 'no-strict' 'schema-location=+' 'ignore-missing-schemas' 'config=' 'enable=+' 'disable=+' 'pod-security=' 'fail-on=' 'no-color' 'version' 'h/help'
        case 'plan'
            __kubec_parse_subcommand -r 1 'output=' 'explain=' 'seed=' 'reference-time=' 'fail-on=' 'version' 'h/help'
        case 'compile'
            __kubec_parse_subcommand -r 1 'o/output-dir=' 'node=+' 'proxy-mode=' 'seed=' 'kubernetes-version=' 'strict' 'no-strict' 'schema-location=+' 'ignore-missing-schemas' 'config=' 'enable=+' 'disable=+' 'pod-security=' 'fail-on=' 'force' 'version' 'h/help'
        case 'diff'
            __kubec_parse_subcommand 2 'output=' 'exit-code' 'ignore=+' 'cluster=' 'v/verbose' 'no-color' 'version' 'h/help'
        case 'reach'
            __kubec_parse_subcommand -r 1 'from=' 'to=' 'port=' 'matrix' 'output=' 'seed=' 'version' 'h/help'
        case 'rules'
            __kubec_parse_subcommand 0 'output=' 'version' 'h/help'
        case 'help'
            __kubec_parse_subcommand -r 1 'version'
        end
    end
end

function __kubec_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __kubec_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __kubec_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __kubec_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__kubec_tokens -p)
    if test -z "$(__kubec_tokens -t)"
        set -l index (count (__kubec_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'kubec' -f
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec" version' -l 'version' -d 'Show the version.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_positional "kubec" -eq 1' -fa 'lint' -d 'Validate manifests: YAML, schema, API-server rules, cross-resource references.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_positional "kubec" -eq 1' -fa 'plan' -d 'Place every pod of every workload on the input\'s Nodes, as kube-scheduler would.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_positional "kubec" -eq 1' -fa 'compile' -d 'Write placement, kube-proxy (iptables, IPVS, nftables), NetworkPolicy, DNS and nginx outputs per CLI.md.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_positional "kubec" -eq 1' -fa 'diff' -d 'Compare two versions of a manifest set: field changes, refused updates, rollouts, dataplane.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_positional "kubec" -eq 1' -fa 'reach' -d 'Answer whether one pod may reach another under the NetworkPolicies, or print the whole matrix.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_positional "kubec" -eq 1' -fa 'rules' -d 'List every lint rule: id, default severity and summary.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_positional "kubec" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" output' -l 'output' -d 'Report format: text, json, sarif, junit or github.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" kubernetes-version' -l 'kubernetes-version' -d 'Kubernetes minor version to validate against (1.NN).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" strict' -l 'strict' -d 'Unknown fields and duplicate keys are errors (default) or warnings.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" no-strict' -l 'no-strict' -d 'Unknown fields and duplicate keys are errors (default) or warnings.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint"' -l 'schema-location' -d 'Extra folder of JSON schemas (repeatable).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" ignore-missing-schemas' -l 'ignore-missing-schemas' -d 'A kind with no schema is a warning, not an error.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" config' -l 'config' -d 'Config file (default: .kubec.yaml in the current folder when present).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint"' -l 'enable' -d 'Enable a rule (repeatable).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint"' -l 'disable' -d 'Disable a rule (repeatable).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" pod-security' -l 'pod-security' -d 'Pod Security level enforced in namespaces without an enforce label: LEVEL[:VERSION] (restricted:v1.30).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" fail-on' -l 'fail-on' -d 'Lowest severity that fails the run: error, warning or info.' -rfka 'error warning info'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" no-color' -l 'no-color' -d 'Never colour the text output.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" version' -l 'version' -d 'Show the version.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec plan" output' -l 'output' -d 'Output format: text, json or html (one self-contained page).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec plan" explain' -l 'explain' -d 'Explain one pod\'s placement: every node\'s filter verdicts and scores (NAMESPACE/POD).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec plan" seed' -l 'seed' -d 'Seed of the tie-breaker among equally scored nodes.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec plan" reference-time' -l 'reference-time' -d 'Unix seconds CronJob next runs are counted from (default 1735689600, 2025-01-01T00:00:00Z).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec plan" fail-on' -l 'fail-on' -d 'Lowest severity that fails the run: error, warning or info.' -rfka 'error warning info'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec plan" version' -l 'version' -d 'Show the version.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec plan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" o output-dir' -s 'o' -l 'output-dir' -d 'Folder to write into (created).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile"' -l 'node' -d 'Only these nodes (repeatable; default all).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" proxy-mode' -l 'proxy-mode' -d 'iptables, ipvs, nftables or all.' -rfka 'iptables ipvs nftables all'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" seed' -l 'seed' -d 'Seed of the scheduler\'s tie-breaker.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" kubernetes-version' -l 'kubernetes-version' -d 'Kubernetes minor version to validate against (1.NN).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" strict' -l 'strict' -d 'Unknown fields and duplicate keys are errors (default) or warnings.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" no-strict' -l 'no-strict' -d 'Unknown fields and duplicate keys are errors (default) or warnings.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile"' -l 'schema-location' -d 'Extra folder of JSON schemas (repeatable).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" ignore-missing-schemas' -l 'ignore-missing-schemas' -d 'A kind with no schema is a warning, not an error.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" config' -l 'config' -d 'Config file (default: .kubec.yaml in the current folder when present).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile"' -l 'enable' -d 'Enable a rule (repeatable).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile"' -l 'disable' -d 'Disable a rule (repeatable).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" pod-security' -l 'pod-security' -d 'Pod Security level enforced in namespaces without an enforce label: LEVEL[:VERSION] (restricted:v1.30).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" fail-on' -l 'fail-on' -d 'Lowest severity that stops compilation: error, warning or info.' -rfka 'error warning info'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" force' -l 'force' -d 'Write the outputs even when findings reach --fail-on (the exit code still says so).'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" version' -l 'version' -d 'Show the version.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec compile" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff" output' -l 'output' -d 'Report format: text, json or html (one self-contained page).' -rfka 'text json html'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff" exit-code' -l 'exit-code' -d 'Exit 1 when there are differences (0 when none, 2 on error).'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff"' -l 'ignore' -d 'A field path not to compare (repeatable): spec.replicas, metadata.labels["helm.sh/chart"], spec.template.spec.containers[*].image.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff" cluster' -l 'cluster' -d 'Nodes and Cluster settings to compile both sides with and diff placement and dataplane.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff" v verbose' -s 'v' -l 'verbose' -d 'With --cluster: list the rule lines and DNS records added and removed.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff" no-color' -l 'no-color' -d 'Never colour the text output (it is coloured on a terminal unless NO_COLOR is set).'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff" version' -l 'version' -d 'Show the version.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" from' -l 'from' -d 'Source pod, NAMESPACE/POD.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" to' -l 'to' -d 'Destination pod, NAMESPACE/POD.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" port' -l 'port' -d 'Destination port: PORT[/PROTO] (TCP when omitted) or a container port name.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" matrix' -l 'matrix' -d 'Print the pod-by-pod truth table for every port in use (or --port).'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" output' -l 'output' -d 'Output format: text or json (with --matrix also html, one self-contained page).' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" seed' -l 'seed' -d 'Seed of the scheduler\'s tie-breaker.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" version' -l 'version' -d 'Show the version.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec reach" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec rules" output' -l 'output' -d 'Output format: text or json.' -rfka ''
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec rules" version' -l 'version' -d 'Show the version.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec rules" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kubec' -n '__kubec_should_offer_completions_for_flags_or_options "kubec help" version' -l 'version' -d 'Show the version.'
