// `vanban serve [--port N]`: the live preview (serve/preview.h).
#include "cli/cli_support.h"
#include "serve/preview.h"
#include "support/error_text.h"

#include <cerrno>

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
    if (port < 0 || port > 65535) throw UsageError(common.text("--port phải từ 0 đến 65535", "--port must be from 0 to 65535"));
    BuildOptions options;
    options.root = common.root();
    options.jobs = common.jobs;
    options.today = check_options(common).today;
    options.english = common.english;
    Preview preview(options, out);
    try {
        return serve_preview(preview, port, out);
    } catch (const PortNotBound& e) {
        std::string port = std::to_string(e.port);
        if (e.error == EADDRINUSE) {
            // A port suggested is one that was free a moment ago, not merely the next number;
            // when the next 20 are all taken, port 0 lets the system pick.
            std::string other = std::to_string(free_port_after(e.port, 20));
            throw UsageError(common.english ? "port " + port + " is in use (another vanban serve?); pick another: vanban serve --port " + other
                                            : "cổng " + port + " đang được dùng (một vanban serve khác?); chọn cổng khác: vanban serve --port " + other);
        }
        if (e.error == EACCES || e.error == EPERM)
            throw UsageError(common.english ? "port " + port + " is reserved for the system (ports below 1024 need root); use a port from 1024 up: vanban serve --port 8000"
                                            : "cổng " + port + " dành cho hệ thống (cổng dưới 1024 cần quyền root); dùng cổng từ 1024 trở lên: vanban serve --port 8000");
        if (e.error == EADDRNOTAVAIL)
            throw UsageError(common.english ? "address 127.0.0.1 is not available on this machine (is the loopback interface down?)"
                                            : "máy này không có địa chỉ 127.0.0.1 (giao diện loopback chưa bật?)");
        throw UsageError((common.english ? "could not open port " : "không mở được cổng ") + port + ": " +
                         system_error_message(std::error_code(e.error, std::generic_category()), "").in(common.english));
    }
}

}  // namespace vanban
