// `vanban serve [--port N]`: the live preview (serve/preview.h).
#include "cli/cli_support.h"
#include "serve/preview.h"

namespace vanban {

int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common(args);
    int port = 8000;
    po::options_description d;
    add_common(d, common);
    d.add_options()("port", po::value(&port)->default_value(8000)->value_name(common.text("CỔNG", "PORT")),
                    common.text("cổng trên 127.0.0.1 (mặc định: 8000; 0: chọn cổng trống)", "port on 127.0.0.1 (default: 8000; 0: any free port)"));
    po::variables_map vm = parse(args, d);
    if (vm.count("help")) return print_help("serve", d, common, out);
    if (port < 0 || port > 65535) throw UsageError("--port phải từ 0 đến 65535");
    Preview preview(common.root(), common.english, out);
    try {
        return serve_preview(preview, port, out);
    } catch (const PortInUse& e) {
        int other = e.port < 65535 ? e.port + 1 : 8001;
        throw UsageError(common.english ? "port " + std::to_string(e.port) + " is in use (another vanban serve?); pick another: vanban serve --port " +
                                              std::to_string(other)
                                        : "cổng " + std::to_string(e.port) + " đang được dùng (một vanban serve khác?); chọn cổng khác: vanban serve --port " +
                                              std::to_string(other));
    }
}

}  // namespace vanban
